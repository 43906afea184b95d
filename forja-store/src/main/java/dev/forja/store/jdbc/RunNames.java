package dev.forja.store.jdbc;

/**
 * Readable default run names ("brave-owl-417"), as MLflow gives runs, derived from the run id so the
 * same run always has the same name.
 */
final class RunNames {
    private static final String[] ADJECTIVES = {"able", "bold", "brave", "bright", "calm", "clever", "crisp", "eager", "fair",
        "gentle", "glad", "grand", "keen", "kind", "lively", "lucid", "merry", "nimble", "noble", "plain", "polite", "proud",
        "quick", "quiet", "rare", "sharp", "shy", "smart", "steady", "swift", "tidy", "warm"};
    private static final String[] NOUNS = {"ant", "bass", "bear", "bee", "crane", "crow", "deer", "dove", "eel", "elk", "finch",
        "fox", "frog", "goat", "hare", "hawk", "heron", "ibex", "jay", "lark", "lynx", "mole", "moth", "newt", "owl", "puma",
        "quail", "ram", "seal", "swan", "toad", "wolf"};

    private RunNames() {
    }

    static String forRun(String runId) {
        int h = runId.hashCode();
        return ADJECTIVES[Math.floorMod(h, ADJECTIVES.length)] + "-" + NOUNS[Math.floorMod(h >>> 5, NOUNS.length)] + "-"
                + Math.floorMod(h >>> 10, 1000);
    }
}
