package io.github.apricotcourse.count;

import io.github.apricotcourse.embed.Embeddings;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Short dense vectors from a long sparse word–context matrix X by truncated singular value
 * decomposition (JM §6.8's "SVD" alternative to word2vec; LSA, Deerwester et al. 1990):
 *
 * <pre>
 *   X ≈ U_k Σ_k V_kᵀ              k largest singular values σ_1 ≥ … ≥ σ_k
 *   word vector of w = row w of U_k Σ_k^p     (p = 1: the rank-k X's rows in k coordinates;
 *                                              p = 0.5 often works better, Levy et al. 2015)
 * </pre>
 *
 * X is too big to decompose exactly, so U_k and Σ_k come from the randomized range finder of
 * Halko, Martinsson and Tropp (2011), seeded:
 *
 * <pre>
 *   Ω = (k + 10) random Gaussian columns;  Y = (X Xᵀ)^q X Ω  (q = 1 power iteration)
 *   Q = orthonormal basis of Y  (QR);  B = Qᵀ X = Û Σ Vᵀ  (small: exact SVD);  U = Q Û
 * </pre>
 *
 * <pre>
 *   Embeddings e = TruncatedSvd.of(ppmi).rank(50).seed(1).embeddings();
 * </pre>
 */
public final class TruncatedSvd {
    private static final int OVERSAMPLE = 10;
    private static final int POWER_ITERATIONS = 1;

    private final CooccurrenceMatrix matrix;
    private int rank = 50;
    private double power = 1;
    private long seed = 1;

    private TruncatedSvd(CooccurrenceMatrix matrix) {
        this.matrix = matrix;
    }

    /** The truncated SVD of a (counted or weighted) word–context matrix, rank 50 by default. */
    public static TruncatedSvd of(CooccurrenceMatrix matrix) {
        return new TruncatedSvd(matrix);
    }

    /** k, the number of dimensions kept. */
    public TruncatedSvd rank(int k) {
        if (k < 1 || k > matrix.size()) {
            throw new IllegalArgumentException("rank k must be between 1 and the number of words ("
                    + matrix.size() + "), got " + k);
        }
        rank = k;
        return this;
    }

    /** p, the exponent of Σ in the word vectors U_k Σ_k^p (1 by default; 0.5 or 0 are common). */
    public TruncatedSvd singularValuePower(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("the singular value power p must be in [0, 1], got " + p);
        }
        power = p;
        return this;
    }

    /** The seed of the random Gaussian matrix Ω. */
    public TruncatedSvd seed(long s) {
        seed = s;
        return this;
    }

    /** The word vectors U_k Σ_k^p, one row per word of the matrix. */
    public Embeddings embeddings() {
        Result r = decompose();
        int n = matrix.size();
        double[][] rows = new double[n][rank];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < rank; j++) {
                rows[i][j] = r.U.get(i, j) * Math.pow(r.sigma[j], power);
            }
        }
        return Embeddings.of(matrix.vocabulary().words(), rows);
    }

    /** σ_1 ≥ … ≥ σ_k. */
    public double[] singularValues() {
        return decompose().sigma.clone();
    }

    private record Result(DMatrixRMaj U, double[] sigma) {}

    private Result decompose() {
        CooccurrenceMatrix X = matrix;
        int n = matrix.size();
        int l = Math.min(n, rank + OVERSAMPLE);
        SplittableRandom rng = new SplittableRandom(seed);
        DMatrixRMaj omega = new DMatrixRMaj(n, l);
        for (int i = 0; i < omega.data.length; i++) {
            omega.data[i] = gaussian(rng);
        }
        DMatrixRMaj Y = times(X, omega);                                      // Y = X Ω
        for (int q = 0; q < POWER_ITERATIONS; q++) {                          // Y = (X Xᵀ)^q X Ω
            DMatrixRMaj Z = transposeTimes(X, orthonormal(Y));
            Y = times(X, orthonormal(Z));
        }
        DMatrixRMaj Q = orthonormal(Y);
        DMatrixRMaj Bt = transposeTimes(X, Q);                              // Bᵀ = Xᵀ Q  (n × l)
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, l, true, true, true);
        if (!svd.decompose(Bt)) {
            throw new IllegalStateException("the SVD did not converge; try another seed");
        }
        DMatrixRMaj W = svd.getW(null);
        DMatrixRMaj Uhat = svd.getV(null, false);                          // Bᵀ = V Σ Ûᵀ, so B's U is Bᵀ's V
        DMatrixRMaj V = svd.getU(null, false);
        SingularOps_DDRM.descendingOrder(V, false, W, Uhat, false);
        DMatrixRMaj U = new DMatrixRMaj(n, l);
        CommonOps_DDRM.mult(Q, Uhat, U);                                    // U = Q Û
        double[] sigma = new double[rank];
        for (int j = 0; j < rank; j++) {
            sigma[j] = W.get(j, j);
        }
        return new Result(U, sigma);
    }

    /** X B for the sparse X (n × n) and a dense B (n × l): row i of XB = Σ_c X[i, c] · row c of B. */
    private static DMatrixRMaj times(CooccurrenceMatrix X, DMatrixRMaj B) {
        return multiply(X, B, false);
    }

    /** Xᵀ B for the sparse X (n × n) and a dense B (n × l): row c of XᵀB = Σ_i X[i, c] · row i of B. */
    private static DMatrixRMaj transposeTimes(CooccurrenceMatrix X, DMatrixRMaj B) {
        return multiply(X, B, true);
    }

    /** X B, or Xᵀ B: each non-zero cell X[i, c] adds X[i, c] · row c of B to row i (or row i of B to row c). */
    private static DMatrixRMaj multiply(CooccurrenceMatrix X, DMatrixRMaj B, boolean transposed) {
        int l = B.numCols;
        DMatrixRMaj out = new DMatrixRMaj(X.size(), l);
        for (int i = 0; i < X.size(); i++) {
            int[] cs = X.columnsOfRow(i);
            double[] vs = X.valuesOfRow(i);
            for (int k = 0; k < cs.length; k++) {
                int from = transposed ? i : cs[k];
                int to = transposed ? cs[k] : i;
                axpy(vs[k], B.data, from * l, out.data, to * l, l);
            }
        }
        return out;
    }

    /** y[yFrom …] += a · x[xFrom …], l numbers: rows of row-major matrices, a loop the JIT vectorises. */
    private static void axpy(double a, double[] x, int xFrom, double[] y, int yFrom, int l) {
        for (int j = 0; j < l; j++) {
            y[yFrom + j] += a * x[xFrom + j];
        }
    }

    /** An orthonormal basis of the columns of Y (the Q of its QR decomposition). */
    private static DMatrixRMaj orthonormal(DMatrixRMaj Y) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(Y.numRows, Y.numCols);
        qr.decompose(Y.copy());
        return qr.getQ(null, true);
    }

    private static double gaussian(SplittableRandom rng) {       // Box–Muller
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    @Override
    public String toString() {
        return "TruncatedSvd(rank " + rank + ", p = " + power + ", seed " + seed + ", " + matrix + ")";
    }
}
