package dev.hark.ai;

import java.util.List;

/** Small vector arithmetic for the embedding-based steps. */
final class Vectors {

    private Vectors() {
    }

    static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** Cosine similarity; 0 when either vector is all zeros. */
    static double cosine(float[] a, float[] b) {
        double norms = Math.sqrt(dot(a, a) * dot(b, b));
        return norms == 0 ? 0 : dot(a, b) / norms;
    }

    /** The mean of some vectors (not normalised; use {@link #cosine} with it). */
    static float[] mean(List<float[]> vectors, int dimension) {
        float[] sum = new float[dimension];
        for (float[] vector : vectors) {
            for (int i = 0; i < dimension; i++) {
                sum[i] += vector[i];
            }
        }
        if (!vectors.isEmpty()) {
            for (int i = 0; i < dimension; i++) {
                sum[i] /= vectors.size();
            }
        }
        return sum;
    }

    /** Scales a vector in place to length 1; a zero vector stays zero. */
    static float[] normalise(float[] vector) {
        double length = Math.sqrt(dot(vector, vector));
        if (length > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / length);
            }
        }
        return vector;
    }
}
