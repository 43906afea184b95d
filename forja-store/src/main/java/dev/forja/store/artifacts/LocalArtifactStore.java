package dev.forja.store.artifacts;

import dev.forja.store.StoreException.ErrorCode;
import dev.forja.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Run artifacts on the local file system under one root, addressed as MLflow addresses them:
 * {@code mlflow-artifacts:/<experiment>/<run>/artifacts/<path>} is {@code <root>/<experiment>/<run>/artifacts/<path>}.
 * Every path is confined to the root: {@code ..}, absolute paths and symbolic links that lead out of it
 * are refused, so a client can never read or write outside what the store owns.
 */
public final class LocalArtifactStore {
    public static final String SCHEME = "mlflow-artifacts:";

    private final Path root;

    public LocalArtifactStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The file or directory an {@code mlflow-artifacts:} URI names. */
    public Path resolveUri(String uri) {
        return resolve(relativeOf(uri));
    }

    /** The path under the root an {@code mlflow-artifacts:} URI names ({@code 1/<run>/artifacts/model}). */
    public String relativeOf(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw StoreException.invalid("'" + uri + "' is not an " + SCHEME + " URI");
        }
        String rest = uri.substring(SCHEME.length());
        // mlflow-artifacts:/1/run/artifacts, or with an authority: mlflow-artifacts://host:port/1/run/artifacts
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        while (rest.startsWith("/")) {
            rest = rest.substring(1);
        }
        resolve(rest);
        return rest;
    }

    /** A path relative to the root, checked to stay inside it. */
    public Path resolve(String relative) {
        String path = relative == null ? "" : relative;
        if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            throw refused(path, "it holds a NUL or a backslash");
        }
        if (path.startsWith("/") || Path.of(path).isAbsolute()) {
            throw refused(path, "it is absolute");
        }
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                throw refused(path, "it climbs out with '..'");
            }
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root)) {
            throw refused(path, "it leads outside the artifact root");
        }
        // Follow symbolic links of the deepest part that exists: a link inside the root must not lead out.
        Path existing = target;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && existing.startsWith(root)) {
            try {
                Path real = existing.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw refused(path, "a symbolic link leads outside the artifact root");
                }
            } catch (IOException e) {
                throw new StoreException(ErrorCode.INTERNAL_ERROR, "cannot inspect " + existing + ": " + e.getMessage());
            }
        }
        return target;
    }

    private static StoreException refused(String path, String why) {
        return StoreException.invalid("artifact path '" + path + "' is refused: " + why);
    }

    /** One entry of a listing: its path relative to the listed root, as MLflow returns it. */
    public record FileInfo(String path, boolean isDir, long fileSize) {
    }

    /** The direct children of a directory (empty when it does not exist), sorted by name. */
    public List<FileInfo> list(String relativeDir, String prefix) {
        Path dir = resolve(relativeDir);
        List<FileInfo> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> children = Files.list(dir)) {
            for (Path p : children.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith(".tmp-")) {
                    continue; // an upload in progress
                }
                String shown = prefix == null || prefix.isEmpty() ? name : prefix + "/" + name;
                boolean isDir = Files.isDirectory(p);
                out.add(new FileInfo(shown, isDir, isDir ? 0 : Files.size(p)));
            }
        } catch (IOException e) {
            throw new StoreException(ErrorCode.INTERNAL_ERROR, "cannot list " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /**
     * Writes a file from a stream: to a temporary file next to it, then renamed into place, so a reader
     * never sees half a file. More than {@code maxBytes} is refused and nothing is kept.
     */
    public void write(String relativePath, InputStream in, long maxBytes) {
        Path target = resolve(relativePath);
        if (Files.isDirectory(target)) {
            throw refused(relativePath, "it is a directory");
        }
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            resolve(relativePath); // the directories just created must not have been links out
            tmp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > maxBytes) {
                        throw new StoreException(ErrorCode.REQUEST_LIMIT_EXCEEDED, "artifact '" + relativePath + "' is over the limit of "
                                + maxBytes + " bytes", "raise the server's --max-artifact-size");
                    }
                    out.write(buffer, 0, n);
                }
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
        } catch (IOException e) {
            throw new StoreException(ErrorCode.INTERNAL_ERROR, "cannot write " + target + ": " + e.getMessage());
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray .tmp- file is skipped by listings
                }
            }
        }
    }

    /** Opens a file for reading. */
    public InputStream open(String relativePath) {
        Path file = resolve(relativePath);
        if (!Files.isRegularFile(file)) {
            throw StoreException.notFound("no artifact '" + relativePath + "'");
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new StoreException(ErrorCode.INTERNAL_ERROR, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Deletes a file or a whole directory. */
    public void delete(String relativePath) {
        Path target = resolve(relativePath);
        if (target.equals(root)) {
            throw refused(relativePath, "it is the artifact root");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw StoreException.notFound("no artifact '" + relativePath + "'");
        }
        try (Stream<Path> walk = Files.walk(target)) {
            for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new StoreException(ErrorCode.INTERNAL_ERROR, "cannot delete " + target + ": " + e.getMessage());
        }
    }
}
