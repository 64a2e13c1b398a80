package org.seq4j;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The README's Java blocks, in order, are one program: their imports are hoisted and their statements become one
 * method, which must compile against the library. An example that stops compiling fails the build instead of
 * misleading a reader.
 */
class ReadmeExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeJavaExamplesCompile() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        Set<String> imports = new LinkedHashSet<>();
        List<String> body = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(readme);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            for (String line : m.group(1).split("\n")) {
                if (line.startsWith("import ")) {
                    imports.add(line);
                } else {
                    body.add(line);
                }
            }
        }
        assertTrue(blocks >= 3, "expected the README's Java examples, found " + blocks + " blocks");
        String source = String.join("\n", imports) + "\n\nclass ReadmeProgram {\n"
                + "    static void run() throws Exception {\n" + String.join("\n", body) + "\n    }\n}\n";
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///ReadmeProgram.java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        Path out = Files.createTempDirectory("readme-classes");
        StringWriter diagnostics = new StringWriter();
        boolean ok = javac.getTask(diagnostics, null, null, List.of("--add-modules", "jdk.incubator.vector",
                "-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-proc:none"),
                null, List.of(file)).call();
        assertTrue(ok, "README examples do not compile:\n" + diagnostics + "\n--- program ---\n" + source);
    }
}
