package io.github.apricotcourse.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves {@code %maven} coordinates ({@code group:artifact:version}, optionally
 * {@code group:artifact:packaging:version}) to jar paths, with their runtime dependencies, by
 * running Apache Maven on a throw-away POM: first offline, from the local repository
 * ({@code ~/.m2/repository}), then, only if that fails, online.
 */
final class MavenResolver {

    static final String DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1";
    private static final Pattern COORDINATE = Pattern.compile("[\\w.\\-]+:[\\w.\\-]+(:[\\w.\\-]+)?:[\\w.\\-]+");
    private static final long MAVEN_TIMEOUT_MINUTES = 5;

    private final String mavenCommand;

    MavenResolver(String mavenCommand) {
        this.mavenCommand = mavenCommand;
    }

    /** The jars of {@code coordinates} and their runtime dependencies. */
    List<String> resolve(List<String> coordinates) throws CellError, IOException, InterruptedException {
        for (String c : coordinates) {
            if (!COORDINATE.matcher(c).matches()) {
                throw new CellError("%maven: '" + c + "' is not a Maven coordinate. Fix: write it as "
                        + "group:artifact:version, e.g. %maven org.ejml:ejml-simple:0.46.1");
            }
        }
        Path dir = Files.createTempDirectory("apricot-maven");
        try {
            Path pom = dir.resolve("pom.xml");
            Files.writeString(pom, pom(coordinates), StandardCharsets.UTF_8);
            Path classpathFile = dir.resolve("classpath.txt");
            Result offline = runMaven(dir, pom, classpathFile, true);
            Result result = offline.ok() ? offline : runMaven(dir, pom, classpathFile, false);
            if (!result.ok()) {
                throw new CellError("%maven could not resolve " + String.join(", ", coordinates)
                        + ": not in the local Maven repository (~/.m2/repository) and not downloadable (offline?)."
                        + " Fix: check the coordinate, or fetch it once while online with `mvn dependency:get "
                        + "-Dartifact=" + coordinates.get(0) + "`." + result.errors());
            }
            String classpath = Files.readString(classpathFile, StandardCharsets.UTF_8).strip();
            return classpath.isEmpty() ? List.of() : Arrays.asList(classpath.split(Pattern.quote(java.io.File.pathSeparator)));
        } finally {
            deleteTree(dir);
        }
    }

    /** A POM whose dependencies are the coordinates. */
    static String pom(List<String> coordinates) {
        StringBuilder deps = new StringBuilder();
        for (String c : coordinates) {
            String[] p = c.split(":");
            deps.append("    <dependency><groupId>").append(p[0]).append("</groupId><artifactId>").append(p[1])
                    .append("</artifactId>");
            if (p.length == 4) {
                deps.append("<type>").append(p[2]).append("</type>");
            }
            deps.append("<version>").append(p[p.length - 1]).append("</version></dependency>\n");
        }
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>apricot.magic</groupId>
                  <artifactId>maven-magic</artifactId>
                  <version>0</version>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(deps);
    }

    private record Result(boolean ok, String errors) {
    }

    private Result runMaven(Path dir, Path pom, Path classpathFile, boolean offline)
            throws IOException, InterruptedException, CellError {
        List<String> command = new ArrayList<>(List.of(mavenCommand, "-B", "-q"));
        if (offline) {
            command.add("-o");
        }
        command.addAll(List.of("-f", pom.toString(), DEPENDENCY_PLUGIN + ":build-classpath",
                "-Dmdep.includeScope=runtime", "-Dmdep.outputFile=" + classpathFile));
        Process process;
        try {
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new CellError("%maven needs Apache Maven, but '" + mavenCommand + "' could not be run ("
                    + e.getMessage() + "). Fix: install Maven (e.g. apt-get install maven), or add the jar with %jars.");
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(MAVEN_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            return new Result(false, " (Maven did not finish in " + MAVEN_TIMEOUT_MINUTES + " minutes)");
        }
        String errors = output.lines().filter(l -> l.startsWith("[ERROR]") && !l.strip().equals("[ERROR]"))
                .limit(3).map(l -> "\n  " + l).collect(Collectors.joining());
        return new Result(process.exitValue() == 0 && Files.exists(classpathFile), errors);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
