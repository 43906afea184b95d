#!/usr/bin/env bash
# Builds the container image's base layer without a Docker engine or a registry: a Java runtime
# cut down with jlink from the JDK that runs the build, the shared libraries it and Forja's native
# libraries (SQLite, XGBoost's OpenMP) need, copied from this machine, and an empty /data for
# FORJA_HOME. Written as a `docker save` tarball, which Jib takes as a base with `tar://`.
# Usage: build-base.sh OUT.tar [LIB_DIR]   (LIB_DIR: the application's jars, whose bundled Linux x86-64
# native libraries are scanned for what they link; JAVA_HOME selects the JDK, default the java on PATH)
set -euo pipefail
out=$(realpath -m "$1")
app_libs=${2:+$(realpath -m "$2")}
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/data" "$root/tmp" "$root/etc"
chmod 1777 "$root/tmp" "$root/data"   # the image runs as user 1000; FORJA_HOME is /data

# The modules Forja and its libraries use (jdeps over the runtime classpath, plus the crypto and zip
# providers loaded by name at run time).
"$java_home/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.management \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$root/opt/java" >&2

# Shared libraries: what the runtime links, plus libgomp / libstdc++ / libgcc_s for XGBoost's native library.
copy_lib() {
  local lib=$1
  [ -e "$lib" ] || return 0
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
}
# (Not the desktop's graphics and sound libraries: java.desktop is in for java.beans only.)
libs=$( { find "$root/opt/java" -name '*.so' ! -regex '.*\(awt\|fontmanager\|splashscreen\|jawt\|lcms\|javajpeg\|mlib_image\|jsound\).*' -print0 \
          | xargs -0 ldd 2>/dev/null; ldd "$root/opt/java/bin/java"; } \
  | awk '/=> \// {print $3} /^\s*\/.*ld-linux/ {print $1}' | sort -u)
for lib in $libs; do copy_lib "$lib"; done
# What the native libraries inside the application's jars link (XGBoost: libgomp, libstdc++, librt, …).
if [ -n "$app_libs" ] && [ -d "$app_libs" ]; then
  natives="$work/natives"
  mkdir -p "$natives"
  for jar in "$app_libs"/*.jar; do
    entries=$("$java_home/bin/jar" tf "$jar" | grep -E '(linux|Linux)[^ ]*(x86_64|amd64)[^ ]*\.so$' || true)
    if [ -n "$entries" ]; then
      mkdir -p "$natives/$(basename "$jar")"
      # shellcheck disable=SC2086
      (cd "$natives/$(basename "$jar")" && "$java_home/bin/jar" xf "$jar" $entries)
    fi
  done
  for dep in $(find "$natives" -name '*.so' -print0 | xargs -0 -r ldd 2>/dev/null | awk '/=> \// {print $3}' | sort -u); do
    copy_lib "$dep"
  done
fi
for name in libgomp.so.1 libstdc++.so.6 libgcc_s.so.1; do
  # (awk reads to the end: exiting early would kill ldconfig with SIGPIPE, which pipefail reports.)
  path=$(ldconfig -p | awk -v n="$name" '$1 == n && /x86-64/ && !found {print $NF; found = 1}')
  [ -n "$path" ] && copy_lib "$path" && for dep in $(ldd "$path" | awk '/=> \// {print $3}'); do copy_lib "$dep"; done
done
# The dynamic loader at the path every x86-64 binary names.
mkdir -p "$root/lib64"
cp -L /lib64/ld-linux-x86-64.so.2 "$root/lib64/ld-linux-x86-64.so.2"
printf 'root:x:0:0:root:/data:/bin/false\nforja:x:1000:1000:forja:/data:/bin/false\n' > "$root/etc/passwd"
printf 'root:x:0:\nforja:x:1000:\n' > "$root/etc/group"

# One reproducible layer, then the docker-save layout around it.
image="$work/image"
mkdir -p "$image"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' -C "$root" -cf "$image/layer.tar" .
diff_id=$(sha256sum "$image/layer.tar" | cut -d' ' -f1)
cat > "$image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"2026-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LD_LIBRARY_PATH=/opt/java/lib:/opt/java/lib/server:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu","LANG=C.UTF-8","FORJA_HOME=/data"],"WorkingDir":"/data"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},
 "history":[{"created":"2026-01-01T00:00:00Z","created_by":"forja-app/src/image/build-base.sh: jlink runtime and its shared libraries"}]}
JSON
echo '[{"Config":"config.json","RepoTags":["forja-base:latest"],"Layers":["layer.tar"]}]' > "$image/manifest.json"
mkdir -p "$(dirname "$out")"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' -C "$image" -cf "$out" manifest.json config.json layer.tar
echo "base image: $out ($(du -h "$out" | cut -f1))" >&2
