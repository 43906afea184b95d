package dev.forja.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forja.core.ProgressListener;
import dev.forja.core.frame.Frame;
import dev.forja.core.frame.NumericColumn;
import dev.forja.core.ingest.Dataset;
import dev.forja.core.profile.Warning.Kind;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The warnings on real public datasets, where the quirks are known (examples/data/README.md). */
class RealDataWarningsTest {

    private static DataProfile profile(String example, String target) {
        Dataset d = ExampleData.read(ExampleData.repository().resolve("examples/data").resolve(example));
        return Profiler.profile(d, target, ProgressListener.NONE);
    }

    private static List<String> warnings(DataProfile p) {
        return p.warnings().stream().map(w -> w.kind().id() + ":" + w.column()).toList();
    }

    @Test
    void titanic() {
        DataProfile p = profile("titanic.csv", "Survived");
        assertThat(warnings(p)).containsExactlyInAnyOrder(
                "id_like:PassengerId", "id_like:Name", "high_missing:Cabin", "mixed_type:Ticket",
                "high_cardinality:Ticket", "high_cardinality:Cabin", "skewed:SibSp", "skewed:Parch", "skewed:Fare");
        assertThat(p.duplicateRows()).isZero();
        assertThat(p.target().task()).isEqualTo(TargetProfile.Task.CLASSIFICATION);
        assertThat(p.associations().get(0).column()).isEqualTo("Sex");
    }

    @Test
    void bikeSharingRegisteredRidersAlmostGiveTheirSumAway() {
        // cnt = casual + registered: registered alone explains most of cnt, a partial leak.
        DataProfile p = profile("bike_sharing_day.csv", "cnt");
        assertThat(warnings(p)).containsExactlyInAnyOrder("possible_leakage:registered", "id_like:instant");
        assertThat(p.association("registered").power()).isBetween(0.85, 0.95);
    }

    @Test
    void bikeSharingWithACopyOfTheTargetLeaks() {
        Dataset d = ExampleData.read(ExampleData.repository().resolve("examples/data/bike_sharing_day.csv"));
        Frame f = d.frame().with(NumericColumn.of("cnt_again", d.frame().numeric("cnt").toArray()));
        DataProfile p = Profiler.profile(f, d.source(), null, "cnt", ProgressListener.NONE);
        assertThat(p.warningsFor("cnt_again")).extracting(Warning::kind).containsExactly(Kind.TARGET_LEAKAGE);
        assertThat(p.associations().get(0).column()).isEqualTo("cnt_again");
    }

    @Test
    void smsSpamHasDuplicateMessagesAndFewSpams() {
        DataProfile p = profile("sms_spam.csv", "label");
        assertThat(p.duplicateRows()).isEqualTo(403);
        assertThat(warnings(p)).containsExactlyInAnyOrder("duplicate_rows:null", "class_imbalance:label");
        assertThat(p.association("message").via()).isEqualTo("length");
    }

    @Test
    void adultHasFiftyTwoDuplicatesAndNoLeak() {
        DataProfile p = profile("adult.csv.gz", "income");
        assertThat(p.duplicateRows()).isEqualTo(52);
        assertThat(warnings(p)).containsExactlyInAnyOrder("duplicate_rows:null", "skewed:capital_gain", "skewed:capital_loss");
    }

    @Test
    void autoMpgCarNamesAreTooManyLevels() {
        DataProfile p = profile("auto_mpg.csv", "mpg");
        assertThat(warnings(p)).containsExactly("high_cardinality:car_name");
        assertThat(p.target().task()).isEqualTo(TargetProfile.Task.REGRESSION);
    }

    @Test
    void bankMarketingPdays999IsASentinel() throws URISyntaxException {
        Path bank = Path.of(getClass().getResource("/data/bank_marketing.csv.gz").toURI());
        DataProfile p = Profiler.profile(ExampleData.read(bank), "y", ProgressListener.NONE);
        assertThat(p.warningsFor("pdays")).extracting(Warning::kind).contains(Kind.SENTINEL);
        assertThat(p.warningsFor("pdays").get(0).message()).contains("999 holds 39673 of 41188 values (96.3 %)");
        assertThat(warnings(p)).noneMatch(w -> w.startsWith("id_like")).contains("class_imbalance:y");
    }
}
