package dev.tether.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start compiles as shown, against this Tether and the Jakarta EE API: each {@code java} block of
 * its "Quick start" section is one source file, with its package and imports. Its persistent beans follow the rule
 * they teach: a {@code serialVersionUID} of their own.
 */
class QuickStartTest {

    private static final Path README = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("README.md");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern PUBLIC_TYPE = Pattern.compile("^public (?:final )?(?:class|interface|record|enum) (\\w+)",
            Pattern.MULTILINE);

    @Test
    void theQuickStartCompiles(@TempDir Path work) throws IOException {
        List<Path> sources = writeSources(quickStartBlocks(), work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));

        StringWriter diagnostics = new StringWriter();
        boolean compiled = compile(sources, classes, diagnostics);

        assertThat(compiled).as("the quick start of %s compiles; javac says:%n%s", README, diagnostics).isTrue();
    }

    @Test
    void itsSerializableClassesDeclareASerialVersionUid(@TempDir Path work) throws Exception {
        List<Path> sources = writeSources(quickStartBlocks(), work.resolve("src"));
        Path classes = Files.createDirectories(work.resolve("classes"));
        assertThat(compile(sources, classes, new StringWriter())).as("the quick start compiles").isTrue();

        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            for (Path source : sources) {
                String text = Files.readString(source);
                Class<?> type = loader.loadClass(packageOf(text) + "." + typeOf(text));
                if (Serializable.class.isAssignableFrom(type)) {
                    assertThat(type.getDeclaredFields())
                            .as("%s declares a static final serialVersionUID", type.getSimpleName())
                            .anyMatch(field -> field.getName().equals("serialVersionUID")
                                    && Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers()));
                }
            }
        }
    }

    /** The {@code java} blocks between the heading "## Quick start" and the next heading of its level. */
    private static List<String> quickStartBlocks() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("\n## Quick start\n");
        assertThat(start).as("%s has a section '## Quick start'", README).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        Matcher block = JAVA_BLOCK.matcher(section);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("java blocks in the quick start of %s", README).isNotEmpty();
        return blocks;
    }

    private static List<Path> writeSources(List<String> blocks, Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        for (String block : blocks) {
            Path file = root.resolve(packageOf(block).replace('.', '/')).resolve(typeOf(block) + ".java");
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, block));
        }
        return files;
    }

    private static String packageOf(String source) {
        Matcher declared = PACKAGE.matcher(source);
        assertThat(declared.find()).as("a quick start block declares its package:%n%s", source).isTrue();
        return declared.group(1);
    }

    private static String typeOf(String source) {
        Matcher declared = PUBLIC_TYPE.matcher(source);
        assertThat(declared.find()).as("a quick start block declares one public type:%n%s", source).isTrue();
        return declared.group(1);
    }

    /** javac on the test class path: this build's classes and the Jakarta EE API, as an application has them. */
    private static boolean compile(List<Path> sources, Path classes, StringWriter diagnostics) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all,-serial,-processing", "-Werror",
                    "-classpath", classPath, "-d", classes.toString());
            return javac.getTask(diagnostics, files, null, options, null, units).call();
        }
    }
}
