package io.flotilla.flink.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.fs.FileStatus;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.fs.local.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommittedLinesTest {

  @TempDir File dir;

  private void write(String relative, String text) throws IOException {
    File file = new File(dir, relative);
    Files.createDirectories(file.getParentFile().toPath());
    Files.writeString(file.toPath(), text);
  }

  @Test
  void readsCommittedFilesAndSkipsInProgressAndHiddenOnes() throws IOException {
    write("dt=1/hr=00/part-0", "a\nb\n\nc\n");
    write("dt=1/hr=00/.part-1.inprogress.x", "d\n");
    write("_SUCCESS", "e\n");
    List<String> lines = new ArrayList<>();

    CommittedLines.forEach(dir.toURI().toString(), lines::add);

    assertThat(lines).containsExactly("a", "b", "c");
  }

  @Test
  void aPartFileRenamedWhileTheDirectoryIsListedDoesNotFailTheCount() throws IOException {
    write("part-0", "a\nb\n");
    VanishingChildOnce fs = new VanishingChildOnce();

    List<String> lines = new ArrayList<>();
    CommittedLines.forEach(fs, new Path(dir.toURI()), lines::add);

    assertThat(fs.failed.get()).isTrue();
    assertThat(lines).containsExactly("a", "b");
  }

  @Test
  void aMissingDirectoryHasNoLines() throws IOException {
    assertThat(CommittedLines.count(new File(dir, "absent").toURI().toString())).isZero();
  }

  @Test
  void aDirectoryThatKeepsFailingToListStillFails() {
    LocalFileSystem alwaysFailing =
        new LocalFileSystem() {
          @Override
          public FileStatus[] listStatus(Path path) throws IOException {
            throw new FileNotFoundException("gone: " + path);
          }
        };

    assertThatThrownBy(() -> CommittedLines.forEach(alwaysFailing, new Path(dir.toURI()), l -> {}))
        .isInstanceOf(FileNotFoundException.class);
  }

  /** Fails the first listing as Flink's local file system does when a child is renamed mid-list. */
  private static final class VanishingChildOnce extends LocalFileSystem {
    final AtomicBoolean failed = new AtomicBoolean();

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
      if (failed.compareAndSet(false, true)) {
        throw new FileNotFoundException(
            "File " + path + "/.part-0.inprogress does not exist or the user has no access");
      }
      return super.listStatus(path);
    }
  }
}
