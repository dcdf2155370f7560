/**
 * Package relationships: the syntax of {@code Depends}, {@code Build-Depends} and the other
 * relation fields (Debian Policy §7.1, deb-src-control(5)), parsed into small immutable values.
 *
 * <p>{@link org.debindex.core.relation.RelationList#parse} reads a field value by the rules of its
 * {@link org.debindex.core.relation.RelationField} into a
 * {@link org.debindex.core.relation.RelationList} of
 * {@link org.debindex.core.relation.Alternatives} (OR-groups) of
 * {@link org.debindex.core.relation.Relation}s, each with an optional
 * {@link org.debindex.core.relation.VersionConstraint},
 * {@link org.debindex.core.relation.ArchitectureRestriction} and
 * {@link org.debindex.core.relation.BuildProfileFormula}. Printing a value gives its normalised
 * text, which parses back to an equal value. {@link org.debindex.core.relation.Architectures}
 * evaluates architecture wildcards as dpkg does.
 *
 * <p>Bad input is reported as {@link org.debindex.core.MalformedInputException}; the parser is
 * as strict as dpkg and, where Policy is stricter than dpkg, as Policy (see
 * {@link org.debindex.core.relation.RelationField}). All types here are immutable and thread-safe.
 */
package org.debindex.core.relation;
