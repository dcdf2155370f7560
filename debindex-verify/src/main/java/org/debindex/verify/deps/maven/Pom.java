package org.debindex.verify.deps.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.maven.PomXml.Element;

/**
 * One POM file as written, before inheritance and interpolation: only the parts a dependency check
 * needs. Profiles are not read: which of them is active depends on the build machine.
 */
record Pom(Path file, String source, Optional<String> groupId, String artifactId, Optional<String> version,
           Optional<Parent> parent, Map<String, Text> properties, List<Dependency> managed,
           List<Dependency> dependencies, List<String> modules) {

    Pom {
        properties = Map.copyOf(properties);
        managed = List.copyOf(managed);
        dependencies = List.copyOf(dependencies);
        modules = List.copyOf(modules);
    }

    /** A value and where it is written. */
    record Text(String value, String source, int line) {
    }

    /** The {@code <parent>} element; an empty relative path means "not in this tree". */
    record Parent(String groupId, String artifactId, String version, String relativePath, int line) {
        String coordinates() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    /** A {@code <dependency>} element, its values not yet interpolated. */
    record Dependency(Text groupId, Text artifactId, Optional<Text> version, Optional<Text> type,
                      Optional<Text> classifier, Optional<Text> scope, Optional<Text> optional, String source,
                      int line) {
    }

    /** The groupId, own or inherited from the {@code <parent>} element. */
    Optional<String> effectiveGroupId() {
        return groupId.or(() -> parent.map(Parent::groupId));
    }

    /** The version, own or inherited from the {@code <parent>} element. */
    Optional<String> effectiveVersion() {
        return version.or(() -> parent.map(Parent::version));
    }

    static Pom read(Path file, String source) throws IOException, MalformedInputException {
        Element project = PomXml.parse(file, source);
        if (!project.name().equals("project")) {
            throw new MalformedInputException(source, project.line(), -1, "root element is <" + project.name()
                    + ">; expected <project>");
        }
        String artifactId = required(project, "artifactId", source);
        Optional<Parent> parent = Optional.empty();
        Optional<Element> p = project.child("parent");
        if (p.isPresent()) {
            Element e = p.get();
            parent = Optional.of(new Parent(required(e, "groupId", source), required(e, "artifactId", source),
                    required(e, "version", source), e.childText("relativePath", source).orElse("../pom.xml"),
                    e.line()));
        }
        Map<String, Text> properties = new LinkedHashMap<>();
        Optional<Element> props = project.child("properties");
        if (props.isPresent()) {
            for (Element e : props.get().children()) {
                properties.put(e.name(), new Text(props.get().childText(e.name(), source).orElseThrow(), source,
                        e.line()));
            }
        }
        List<Dependency> managed = dependencies(project.child("dependencyManagement"), source);
        List<Dependency> dependencies = dependencies(Optional.of(project), source);
        List<String> modules = new ArrayList<>();
        Optional<Element> m = project.child("modules");
        if (m.isPresent()) {
            for (Element e : m.get().children("module")) {
                modules.add(e.text());
            }
        }
        return new Pom(file, source, project.childText("groupId", source), artifactId,
                project.childText("version", source), parent, properties, managed, dependencies, modules);
    }

    private static List<Dependency> dependencies(Optional<Element> holder, String source)
            throws MalformedInputException {
        Optional<Element> list = holder.flatMap(h -> h.child("dependencies"));
        if (list.isEmpty()) {
            return List.of();
        }
        List<Dependency> out = new ArrayList<>();
        for (Element d : list.get().children("dependency")) {
            out.add(new Dependency(requiredText(d, "groupId", source), requiredText(d, "artifactId", source),
                    text(d, "version", source), text(d, "type", source), text(d, "classifier", source),
                    text(d, "scope", source), text(d, "optional", source), source, d.line()));
        }
        return out;
    }

    private static Optional<Text> text(Element e, String name, String source) throws MalformedInputException {
        Optional<String> value = e.childText(name, source);
        return value.isEmpty() ? Optional.empty()
                : Optional.of(new Text(value.get(), source, e.child(name).orElseThrow().line()));
    }

    private static Text requiredText(Element e, String name, String source) throws MalformedInputException {
        return text(e, name, source).filter(t -> !t.value().isEmpty()).orElseThrow(() -> missing(e, name, source));
    }

    private static String required(Element e, String name, String source) throws MalformedInputException {
        return requiredText(e, name, source).value();
    }

    private static MalformedInputException missing(Element e, String name, String source) {
        return new MalformedInputException(source, e.line(), -1, "<" + e.name() + "> has no <" + name
                + ">; expected one");
    }
}
