package dev.forja.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertThat(Html.escape("<a href=\"x\">Tom & Jerry's</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String s = "naïve café 🙂 – 42";
        assertThat(Html.escape(s)).isSameAs(s);
    }

    @Test
    void replacesControlCharactersThatHtmlForbids() {
        assertThat(Html.escape("a\u0000b\u0007c\td\ne")).isEqualTo("a\uFFFDb\uFFFDc\td\ne");
    }

    @Test
    void nullIsEmpty() {
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void builderEscapesTextAndAttributesAndDropsNullAttributes() {
        HtmlBuilder h = new HtmlBuilder();
        h.open("p", "title", "\"quoted\" <x>", "class", null).text("1 < 2 & 3").close("p");
        assertThat(h.build().html()).isEqualTo("<p title=\"&quot;quoted&quot; &lt;x&gt;\">1 &lt; 2 &amp; 3</p>");
    }

    @Test
    void builderRefusesToCloseTheWrongElement() {
        HtmlBuilder h = new HtmlBuilder().open("div").open("span");
        assertThatThrownBy(() -> h.close("div")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<span>");
    }

    @Test
    void builderRefusesToFinishWithOpenElements() {
        HtmlBuilder h = new HtmlBuilder().open("div");
        assertThatThrownBy(h::build).isInstanceOf(IllegalStateException.class).hasMessageContaining("div");
    }

    @Test
    void attributesComeInPairs() {
        assertThatThrownBy(() -> new HtmlBuilder().open("div", "class")).isInstanceOf(IllegalArgumentException.class);
    }
}
