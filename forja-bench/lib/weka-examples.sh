# Sourced by the benchmark scripts: Weka's classic example ARFF files (diabetes, credit-g, glass, …) from
# Debian's weka package, unpacked into bench-data (ignored by git; the package is read, never committed).
# Sets $weka to the folder of the .arff files.
weka=bench-data/weka/usr/share/doc/weka/examples
if [ ! -f "$weka/diabetes.arff" ]; then
  echo "unpacking Weka's example ARFF files from Debian's weka package into bench-data/weka" >&2
  mkdir -p bench-data/weka
  (cd bench-data/weka && apt-get download weka >/dev/null && dpkg -x weka_*.deb .)
fi
