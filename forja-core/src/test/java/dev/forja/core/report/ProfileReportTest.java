package dev.forja.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.CategoricalColumn;
import dev.forja.core.frame.Column;
import dev.forja.core.frame.DatetimeColumn;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.frame.TextColumn;
import dev.forja.core.profile.DataProfile;
import dev.forja.core.profile.Profiler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ProfileReportTest {
    /** A column name that would break the page if it were not escaped. */
    private static final String NASTY = "<b>\"Tom\" & 'Jerry'</b>";

    private static DataProfile profile;
    private static String html;

    @BeforeAll
    static void render() {
        int n = 300;
        SplittableRandom random = new SplittableRandom(42);
        double[] age = new double[n];
        double[] fare = new double[n];
        double[] pdays = new double[n];
        CategoricalColumn.Builder sex = new CategoricalColumn.Builder();
        CategoricalColumn.Builder nasty = new CategoricalColumn.Builder();
        CategoricalColumn.Builder survived = new CategoricalColumn.Builder();
        String[] notes = new String[n];
        DatetimeColumn.Builder booked = new DatetimeColumn.Builder();
        for (int i = 0; i < n; i++) {
            boolean female = random.nextDouble() < 0.4;
            age[i] = random.nextDouble() < 0.6 ? Double.NaN : Math.round(random.nextDouble() * 70 + 1);
            fare[i] = Math.exp(random.nextGaussian() + 3);
            pdays[i] = random.nextDouble() < 0.9 ? 999 : random.nextInt(28);
            sex.add(female ? "female" : "male");
            nasty.add(random.nextBoolean() ? "<i>x</i>" : "a & b");
            survived.add(random.nextDouble() < (female ? 0.75 : 0.2) ? "yes" : "no");
            notes[i] = random.nextDouble() < 0.1 ? null : "passenger from deck " + (i % 40) + " boarded at dawn";
            booked.add(1_300_000_000_000L + random.nextInt(90) * 86_400_000L);
        }
        List<Column> columns = new ArrayList<>(List.of(NumericColumn.of("Age", age), sex.build("Sex"),
                NumericColumn.of("Fare", fare), NumericColumn.of("pdays", pdays), nasty.build(NASTY),
                TextColumn.of("notes", notes), booked.build("booked"), survived.build("Survived")));
        profile = Profiler.profile(Frame.of(columns), "passengers <2024>.csv", "sha256:0123", "Survived", ProgressListener.NONE);
        html = ProfileReport.render(profile);
    }

    private static int count(String needle) {
        return count(html, needle);
    }

    private static int count(String haystack, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(haystack);
        int k = 0;
        while (m.find()) {
            k++;
        }
        return k;
    }

    @Test
    void isWellFormedMarkup() throws Exception {
        // Written XHTML-compatible (every element closed, attributes quoted), so an XML parser must accept it.
        Document doc = parse(html);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
    }

    @Test
    void isSelfContained() {
        assertThat(html).doesNotContainPattern("(?i)https?://")
                .doesNotContainPattern("(?i)<script")
                .doesNotContainPattern("(?i)<link")
                .doesNotContainPattern("(?i)\\ssrc=")
                .doesNotContainPattern("(?i)url\\(")
                .doesNotContainPattern("(?i)@import")
                .contains("<style>");
    }

    @Test
    void everyColumnCardHasAChart() throws Exception {
        Document doc = parse(html);
        NodeList articles = doc.getElementsByTagName("article");
        assertThat(articles.getLength()).isEqualTo(profile.columns().size());
        for (int i = 0; i < articles.getLength(); i++) {
            Element card = (Element) articles.item(i);
            assertThat(card.getElementsByTagName("svg").getLength()).as("svg in card %d", i).isGreaterThanOrEqualTo(1);
        }
        // Cards, plus the target's chart and the association chart; the text column has two.
        assertThat(count("<svg")).isEqualTo(profile.columns().size() + 1 + 2);
    }

    @Test
    void showsTheNumbers() {
        assertThat(html).contains(Numbers.count(profile.rows()))
                .contains(Numbers.format(((dev.forja.core.profile.NumericProfile) profile.column("Fare")).summary().mean()))
                .contains("Target: Survived")
                .contains("sha256:0123");
        profile.warnings().forEach(w -> assertThat(html).contains(Html.escape(w.message())));
        assertThat(profile.warnings()).extracting(w -> w.kind().id()).contains("sentinel", "high_missing", "skewed");
    }

    @Test
    void warningsComeBeforeTheColumns() {
        assertThat(html.indexOf("id=\"warnings\"")).isLessThan(html.indexOf("id=\"target\""));
        assertThat(html.indexOf("id=\"target\"")).isLessThan(html.indexOf("id=\"overview\""));
        assertThat(html.indexOf("id=\"overview\"")).isLessThan(html.indexOf("id=\"details\""));
    }

    @Test
    void escapesEveryTextFromTheData() {
        assertThat(html).doesNotContain(NASTY).doesNotContain("<i>x</i>").doesNotContain("passengers <2024>")
                .contains(Html.escape(NASTY)).contains("&lt;i&gt;x&lt;/i&gt;").contains("passengers &lt;2024&gt;.csv");
    }

    @Test
    void writesTheFileCreatingDirectories(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("reports/profile.html");
        ProfileReport.write(profile, out);
        assertThat(Files.readString(out)).isEqualTo(html);
    }

    @Test
    void rendersColumnsWithoutAnyValue() throws Exception {
        CategoricalColumn.Builder c = new CategoricalColumn.Builder();
        c.addMissing();
        c.addMissing();
        DataProfile empty = Profiler.profile(Frame.of(NumericColumn.of("n", new double[] {Double.NaN, Double.NaN}),
                        TextColumn.of("t", new String[] {null, null}),
                        DatetimeColumn.of("d", new long[] {DatetimeColumn.MISSING, DatetimeColumn.MISSING}),
                        c.build("c")),
                "empty.csv", null, null, ProgressListener.NONE);
        String page = ProfileReport.render(empty);
        parse(page);
        assertThat(count(page, "No values to chart.")).isEqualTo(4);
        // Each column is flagged in the warning list, in the overview table and on its card.
        assertThat(count(page, ">all missing<")).isEqualTo(3 * 4);
    }

    // ------------------------------------------------------------------ in a real browser

    @Test
    void rendersInARealBrowser(@TempDir Path dir) throws Exception {
        Path chromium = findChromium();
        if (chromium == null) {
            if ("1".equals(System.getenv("FORJA_REQUIRE_BROWSER"))) {
                fail("FORJA_REQUIRE_BROWSER=1 but no chromium found (looked for /usr/bin/chromium and chromium,"
                        + " chromium-browser, google-chrome on PATH)");
            }
            Assumptions.abort("no chromium installed: the real-browser check is skipped (set FORJA_REQUIRE_BROWSER=1 to require it)");
        }
        Path page = dir.resolve("profile.html");
        ProfileReport.write(profile, page);
        Path shot = dir.resolve("shot.png");
        run(chromium, dir, "--screenshot=" + shot, "--window-size=1280,2000", page.toUri().toString());
        assertThat(shot).exists();
        byte[] png = Files.readAllBytes(shot);
        assertThat(png.length).as("screenshot size").isGreaterThan(20_000); // a blank page is ~10 KB
        assertThat(new byte[] {png[1], png[2], png[3]}).isEqualTo("PNG".getBytes(StandardCharsets.US_ASCII));

        String dom = run(chromium, dir, "--dump-dom", page.toUri().toString());
        Matcher svgs = Pattern.compile("<svg").matcher(dom);
        int rendered = 0;
        while (svgs.find()) {
            rendered++;
        }
        assertThat(rendered).isEqualTo(count("<svg"));
        assertThat(dom).contains("Data profile").contains("<rect");
    }

    private static String run(Path chromium, Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("chromium-profile")));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile())
                .redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish within 90 s");
        }
        assertThat(p.exitValue()).as("chromium exit code; stderr: %s", Files.readString(dir.resolve("chromium.err"))).isZero();
        return Files.readString(stdout);
    }

    private static Path findChromium() {
        Path fixed = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(fixed)) {
            return fixed;
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String d : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(d, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static Document parse(String document) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(document.getBytes(StandardCharsets.UTF_8)));
    }
}
