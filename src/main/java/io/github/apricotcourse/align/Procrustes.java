package io.github.apricotcourse.align;

import io.github.apricotcourse.embed.Embeddings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ejml.simple.SimpleMatrix;
import org.ejml.simple.SimpleSVD;

/**
 * Orthogonal Procrustes alignment (JM §6.11; Hamilton et al. 2016): two embedding spaces trained
 * separately (say on text from 1800 and from 1900) have arbitrary, different axes, so their
 * vectors cannot be compared directly. Find the rotation R that maps space B onto space A as
 * well as possible over the words they share:
 *
 * <pre>
 *   R = argmin_{Rᵀ R = I} ‖B R − A‖_F = U Vᵀ,   where Bᵀ A = U Σ Vᵀ  (SVD)
 * </pre>
 *
 * Rows of A and B are the shared words' vectors, scaled to unit length. Rotating changes no
 * cosine inside B, so every neighbour list of B stays as it was; only now a word's vector in A
 * and its rotated vector from B can be compared.
 *
 * <pre>
 *   Procrustes p = Procrustes.fit(early, modern);   Embeddings modernAligned = p.apply(modern);
 * </pre>
 */
public final class Procrustes {
    private final SimpleMatrix rotation;
    private final List<String> shared;

    private Procrustes(SimpleMatrix rotation, List<String> shared) {
        this.rotation = rotation;
        this.shared = shared;
    }

    /** The rotation of B onto A over the words both contain (in A's order). */
    public static Procrustes fit(Embeddings a, Embeddings b) {
        Objects.requireNonNull(a, "the space A is null: pass the embeddings to rotate onto, e.g. early.embeddings()");
        Objects.requireNonNull(b, "the space B is null: pass the embeddings to rotate, e.g. modern.embeddings()");
        if (a.dimension() != b.dimension()) {
            throw new IllegalArgumentException("dimension mismatch: A has " + a.dimension() + " dimensions and B has "
                    + b.dimension() + "; train both spaces with the same dimension d");
        }
        List<String> shared = new ArrayList<>();
        for (String w : a.words()) {
            if (b.contains(w)) {
                shared.add(w);
            }
        }
        if (shared.size() < a.dimension()) {
            throw new IllegalArgumentException("only " + shared.size() + " words are in both spaces, fewer than the "
                    + a.dimension() + " dimensions: the rotation is not determined. Train on corpora that share more words");
        }
        SimpleMatrix A = unitRows(a, shared);
        SimpleMatrix B = unitRows(b, shared);
        SimpleSVD<SimpleMatrix> svd = B.transpose().mult(A).svd();      // Bᵀ A = U Σ Vᵀ
        SimpleMatrix R = svd.getU().mult(svd.getV().transpose());       // R = U Vᵀ
        return new Procrustes(R, List.copyOf(shared));
    }

    /** All of B's words, their vectors rotated by R into A's space. */
    public Embeddings apply(Embeddings b) {
        Objects.requireNonNull(b, "the embeddings to rotate are null: pass the space B the rotation was fitted on");
        if (b.dimension() != rotation.getNumRows()) {
            throw new IllegalArgumentException("dimension mismatch: the rotation is " + rotation.getNumRows()
                    + " × " + rotation.getNumCols() + " but the embeddings have " + b.dimension() + " dimensions");
        }
        SimpleMatrix rotated = unitRows(b, b.words()).mult(rotation);
        double[][] rows = new double[b.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rotated.getRow(i).getDDRM().data;
        }
        return Embeddings.of(b.words(), rows);
    }

    /** R, the d × d orthogonal matrix (Rᵀ R = I). */
    public SimpleMatrix rotation() {
        return rotation.copy();
    }

    /** The words both spaces contain, which the rotation was fitted on. */
    public List<String> sharedWords() {
        return shared;
    }

    /** The rows of the given words, each scaled to unit length, as a matrix. */
    private static SimpleMatrix unitRows(Embeddings e, List<String> words) {
        float[] u = e.unit();
        int d = e.dimension();
        SimpleMatrix m = new SimpleMatrix(words.size(), d);
        for (int i = 0; i < words.size(); i++) {
            int row = e.index(words.get(i));
            for (int j = 0; j < d; j++) {
                m.set(i, j, u[row * d + j]);
            }
        }
        return m;
    }

    @Override
    public String toString() {
        return "Procrustes(" + rotation.getNumRows() + " × " + rotation.getNumCols() + " rotation fitted on "
                + shared.size() + " shared words)";
    }
}
