package io.opsflow.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the BPMN and DMN models of a workflows directory, or, when that directory does not exist,
 * the copy under {@code workflows/} on the classpath (the jar carries one).
 */
public final class WorkflowFiles {
  /** Classpath folder the build copies {@code workflows/} into. */
  public static final String CLASSPATH_FOLDER = "workflows";

  private WorkflowFiles() {}

  /** One model file: its file name (the deployment resource name) and its bytes. */
  public record WorkflowFile(String name, byte[] content) {
    /** The file name without its extension: the process (or decision) id it must declare. */
    public String baseName() {
      int dot = name.lastIndexOf('.');
      return dot < 0 ? name : name.substring(0, dot);
    }

    public boolean isBpmn() {
      return name.endsWith(".bpmn");
    }

    public boolean isDmn() {
      return name.endsWith(".dmn");
    }
  }

  /** Every {@code *.bpmn} and {@code *.dmn} in {@code dir}, or on the classpath if it is absent. */
  public static List<WorkflowFile> load(Path dir) {
    if (Files.isDirectory(dir)) {
      return read(dir);
    }
    return loadFromClasspath();
  }

  /** Every {@code *.bpmn} and {@code *.dmn} directly inside {@code dir}, sorted by name. */
  public static List<WorkflowFile> read(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<WorkflowFile> result = new ArrayList<>();
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && (name.endsWith(".bpmn") || name.endsWith(".dmn"))) {
          result.add(new WorkflowFile(name, Files.readAllBytes(file)));
        }
      }
      return List.copyOf(result);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflows from " + dir, e);
    }
  }

  private static List<WorkflowFile> loadFromClasspath() {
    URL url = WorkflowFiles.class.getClassLoader().getResource(CLASSPATH_FOLDER);
    if (url == null) {
      throw new IllegalStateException(
          "no workflows directory and no '" + CLASSPATH_FOLDER + "/' on the classpath");
    }
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        return read(Path.of(uri));
      }
      try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
        return read(jar.getPath(CLASSPATH_FOLDER));
      } catch (FileSystemAlreadyExistsException e) {
        // Another part of the JVM holds the jar open: read through it and leave it open.
        return read(FileSystems.getFileSystem(uri).getPath(CLASSPATH_FOLDER));
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unreadable classpath location " + url, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read workflows from " + url, e);
    }
  }
}
