package io.quantumgates.bench.load;

/** Stream entry ids ({@code ms-seq}). */
final class Ids {
    private Ids() {}

    static long millis(String id) {
        int dash = id.indexOf('-');
        return Long.parseLong(dash < 0 ? id : id.substring(0, dash));
    }
}
