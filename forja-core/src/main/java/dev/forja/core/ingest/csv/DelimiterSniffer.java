package dev.forja.core.ingest.csv;

import dev.forja.core.ingest.DataFormatException;

/**
 * Guesses the field delimiter from the first records: for each candidate ({@code , \t ; |}) it splits up
 * to 50 records with the real tokenizer (so delimiters inside quotes do not count) and prefers the
 * candidate that gives every record the same number of fields, more than one; among those, the one
 * giving the most fields. A file where no candidate splits anything is a one-column file.
 */
final class DelimiterSniffer {
    private static final byte[] CANDIDATES = {',', '\t', ';', '|'};
    private static final int RECORDS = 50;

    private DelimiterSniffer() {
    }

    static byte sniff(byte[] b, int start, int end) {
        byte best = ',';
        int bestFields = 1;
        boolean bestConsistent = false;
        for (byte d : CANDIDATES) {
            int first = -1;
            boolean consistent = true;
            int records = 0;
            try {
                CsvTokenizer tok = new CsvTokenizer(b, start, end, d, 1, "");
                while (records < RECORDS && tok.next()) {
                    if (tok.blank()) {
                        continue;
                    }
                    if (first < 0) {
                        first = tok.count();
                    } else if (tok.count() != first) {
                        consistent = false;
                    }
                    records++;
                }
            } catch (DataFormatException e) {
                // Quotes that do not parse with this delimiter: it is not the one.
                continue;
            }
            if (first <= 1) {
                continue;
            }
            boolean better = consistent && !bestConsistent
                    || consistent == bestConsistent && first > bestFields;
            if (better) {
                best = d;
                bestFields = first;
                bestConsistent = consistent;
            }
        }
        return best;
    }
}
