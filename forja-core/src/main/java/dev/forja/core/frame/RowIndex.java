package dev.forja.core.frame;

/** Composition of row selections, shared by the column views so a view of a view is still one lookup. */
final class RowIndex {
    private RowIndex() {
    }

    /** Row numbers in the base arrays for {@code rows} of a view whose own index is {@code index} (null = identity). */
    static int[] compose(int[] index, int[] rows, int size) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            if (r < 0 || r >= size) {
                throw new IndexOutOfBoundsException("row " + r + " is outside 0.." + (size - 1));
            }
            out[i] = index == null ? r : index[r];
        }
        return out;
    }
}
