package org.debindex.verify.deps.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.debindex.core.MalformedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Pep440RequirementTest {

    /** Examples from PEP 440's text (specifier sections) and their consequences. */
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ~=2.2            | 2.2      | true
            ~=2.2            | 2.9.1    | true
            ~=2.2            | 3.0      | false
            ~=2.2            | 2.1      | false
            ~=1.4.5          | 1.4.9    | true
            ~=1.4.5          | 1.5.0    | false
            ~=2.2.post3      | 2.2.post3 | true
            ~=2.2.post3      | 2.2      | false
            ~=1.4.5a4        | 1.4.5a5  | true
            ~=1.4.5a4        | 1.4.6    | true
            ~=1.4.5a4        | 1.5      | false
            ~=1.4.5.0        | 1.4.5.9  | true
            ~=1.4.5.0        | 1.4.6    | false
            ==1.1            | 1.1.0    | true
            ==1.1            | 1.1.post1 | false
            ==1.1.post1      | 1.1.post1 | true
            ==1.1.*          | 1.1.post1 | true
            ==1.1.*          | 1.1      | true
            ==1.1.*          | 1.10     | false
            ==1.*            | 1        | true
            ==1.0.0.*        | 1        | true
            ==1.1            | 1.1+ubuntu1 | true
            ==1.1+ubuntu1    | 1.1      | false
            ==1.1+ubuntu1    | 1.1+ubuntu1 | true
            !=1.1            | 1.1+x    | false
            !=1.1.*          | 1.1.2    | false
            !=1.1.*          | 1.2      | true
            ==1!1.*          | 1.0      | false
            ==1!1.*          | 1!1.5    | true
            <2.0             | 2.0rc1   | false
            <2.0             | 1.9.post1 | true
            <2.0rc2          | 2.0rc1   | true
            >1.7             | 1.7.1    | true
            >1.7             | 1.7.0.post1 | false
            >1.7             | 1.7+local | false
            >1.7.post2       | 1.7.post3 | true
            >1.7.post2       | 1.7.1    | true
            >=1.0            | 1.0+x    | true
            <=1.0            | 1.0+x    | true
            >=1.0            | 2.0a1    | false
            >=1.0a1          | 2.0a1    | true
            >=1.0,!=1.5a1    | 1.6a1    | false
            ''               | 1.0      | true
            ''               | 1.0.dev1 | false
            ===1.0           | 1.0      | true
            ===1.0           | 1.0.0    | false
            ===foobar        | foobar   | true
            ===foobar        | 1.0      | false
            '>=1.4, <2, !=1.5.*' | 1.5.3 | false
            '>=1.4, <2, !=1.5.*' | 1.6  | true
            '>=1.4, <2, !=1.5.*' | 2.0  | false
            '>= 1.4 ,< 2'    | 1.9      | true
            """)
    void contains(String spec, String version, boolean expected) throws MalformedInputException {
        assertEquals(expected, Pep440Requirement.parse(spec).isSatisfiedBy(version));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ~=1              | invalid version specifier "~=1"; expected at least two release numbers after "~="
            >=1.0.*          | invalid version specifier ">=1.0.*"; expected ".*" only after "==" or "!=" and a release such as 1.2
            ==1.0a1.*        | invalid version specifier "==1.0a1.*"; expected ".*" only after "==" or "!=" and a release such as 1.2
            >=1.0+local      | invalid version specifier ">=1.0+local"; a local version label is allowed only after "==" or "!="
            1.0              | invalid version specifier "1.0"; expected an operator (~= == != < <= > >= ===) and a version
            '>=1.0,'         | invalid version specifier ""; expected an operator (~= == != < <= > >= ===) and a version
            =>1.0            | invalid version specifier "=>1.0"; expected an operator (~= == != < <= > >= ===) and a version
            ^1.2             | invalid version specifier "^1.2"; expected an operator (~= == != < <= > >= ===) and a version
            >=1.x            | invalid PEP 440 version "1.x"
            """)
    void invalid(String spec, String message) {
        assertEquals(message, assertThrows(MalformedInputException.class, () -> Pep440Requirement.parse(spec)).getMessage());
    }
}
