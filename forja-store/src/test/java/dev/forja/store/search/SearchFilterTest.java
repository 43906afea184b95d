package dev.forja.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forja.store.StoreException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchFilterTest {
    @Test
    void aBlankFilterHasNoComparisons() {
        assertThat(SearchFilter.parse(null)).isEmpty();
        assertThat(SearchFilter.parse("  ")).isEmpty();
    }

    @Test
    void comparisonsJoinedByAndAreParsedWithTheirEntity() {
        assertThat(SearchFilter.parse("metrics.auc > 0.8 and params.model = 'xgboost' AND tags.team != \"risk\""))
                .containsExactly(new Comparison(Entity.METRIC, "auc", ">", List.of(0.8)),
                        new Comparison(Entity.PARAM, "model", "=", List.of("xgboost")),
                        new Comparison(Entity.TAG, "team", "!=", List.of("risk")));
    }

    @Test
    void aKeyWithoutPrefixIsAnAttribute() {
        assertThat(SearchFilter.parse("status = 'FINISHED'"))
                .containsExactly(new Comparison(Entity.ATTRIBUTE, "status", "=", List.of("FINISHED")));
        assertThat(SearchFilter.parse("attributes.start_time >= 1e3").get(0).values()).containsExactly(1000.0);
    }

    @Test
    void quotedKeysMayHoldSpacesAndDots() {
        assertThat(SearchFilter.parse("metrics.`f1 score` <= 1 and tags.\"mlflow.user\" = 'ana'"))
                .containsExactly(new Comparison(Entity.METRIC, "f1 score", "<=", List.of(1.0)),
                        new Comparison(Entity.TAG, "mlflow.user", "=", List.of("ana")));
    }

    @Test
    void inListsAndNullChecksAreParsed() {
        assertThat(SearchFilter.parse("params.model NOT IN ('a', 'b') and tags.x IS NOT NULL and tags.y is null"))
                .containsExactly(new Comparison(Entity.PARAM, "model", "NOT IN", List.of("a", "b")),
                        new Comparison(Entity.TAG, "x", "IS NOT NULL", List.of()),
                        new Comparison(Entity.TAG, "y", "IS NULL", List.of()));
    }

    @Test
    void aDoubledQuoteInsideAStringStandsForItself() {
        assertThat(SearchFilter.parse("params.note = 'it''s'").get(0).value()).isEqualTo("it's");
    }

    @Test
    void sqlStyleNotEqualAndDoubleEqualsAreAccepted() {
        assertThat(SearchFilter.parse("metrics.a <> 1").get(0).comparator()).isEqualTo("!=");
        assertThat(SearchFilter.parse("metrics.a == 1").get(0).comparator()).isEqualTo("=");
    }

    @Test
    void orIsRejectedWithAnExplanation() {
        assertThatThrownBy(() -> SearchFilter.parse("metrics.a > 1 or metrics.b > 1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("OR is not supported");
    }

    @Test
    void errorsSayWhereTheyAre() {
        assertThatThrownBy(() -> SearchFilter.parse("metrics.auc > ")).hasMessageContaining("character 15");
        assertThatThrownBy(() -> SearchFilter.parse("params.m = 'open")).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> SearchFilter.parse("foo.bar = 1")).hasMessageContaining("'foo' is not a known prefix");
        assertThatThrownBy(() -> SearchFilter.parse("metrics.a ~ 1")).hasMessageContaining("not a comparator");
    }

    @Test
    void orderByClausesDefaultToAscending() {
        assertThat(SearchFilter.orderBy(List.of("metrics.auc DESC", "start_time", "params.`max depth` asc")))
                .containsExactly(new OrderClause(Entity.METRIC, "auc", false), new OrderClause(Entity.ATTRIBUTE, "start_time", true),
                        new OrderClause(Entity.PARAM, "max depth", true));
        assertThatThrownBy(() -> SearchFilter.orderBy(List.of("metrics.auc DOWN"))).hasMessageContaining("ASC or DESC");
    }

    @Test
    void pageTokensRoundTripAndForgedOnesAreRejected() {
        assertThat(PageToken.offset(PageToken.of(300))).isEqualTo(300);
        assertThat(PageToken.offset(null)).isZero();
        assertThatThrownBy(() -> PageToken.offset("not-a-token!")).isInstanceOf(StoreException.class);
    }
}
