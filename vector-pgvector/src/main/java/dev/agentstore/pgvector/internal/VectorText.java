package dev.agentstore.pgvector.internal;

/** pgvector's text form of a vector, {@code [1,2.5,-3]}, both ways. */
public final class VectorText {
    private VectorText() {}

    /** {@code vector} in pgvector's text form; floats print in their shortest exact form. */
    public static String format(float[] vector) {
        StringBuilder text = new StringBuilder(vector.length * 10 + 2).append('[');
        for (int i = 0; i < vector.length; i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(vector[i]);
        }
        return text.append(']').toString();
    }

    /** The vector of pgvector's text form. */
    public static float[] parse(String text) {
        int end = text.length() - 1;
        if (end < 1 || text.charAt(0) != '[' || text.charAt(end) != ']') {
            throw new IllegalArgumentException("not a pgvector value");
        }
        if (end == 1) {
            return new float[0];
        }
        int count = 1;
        for (int i = 1; i < end; i++) {
            if (text.charAt(i) == ',') {
                count++;
            }
        }
        float[] vector = new float[count];
        int start = 1;
        for (int i = 0; i < count; i++) {
            int comma = text.indexOf(',', start);
            int stop = comma < 0 || comma > end ? end : comma;
            vector[i] = Float.parseFloat(text.substring(start, stop));
            start = stop + 1;
        }
        return vector;
    }
}
