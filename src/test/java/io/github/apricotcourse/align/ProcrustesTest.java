package io.github.apricotcourse.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.apricotcourse.embed.Embeddings;
import io.github.apricotcourse.math.Vectors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.simple.SimpleMatrix;
import org.junit.jupiter.api.Test;

class ProcrustesTest {
    static List<String> words(int n) {
        List<String> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add("w" + i);
        }
        return w;
    }

    @Test
    void recoversARotationAndFindsTheWordThatMoved() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 40;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = Vectors.normalize(Vectors.random(3, 1, rng));
        }
        double t = 0.7;    // rotate about the z axis
        SimpleMatrix q = new SimpleMatrix(new double[][] {{Math.cos(t), -Math.sin(t), 0}, {Math.sin(t), Math.cos(t), 0}, {0, 0, 1}});
        double[][] b = new double[n][];
        for (int i = 0; i < n; i++) {
            b[i] = new SimpleMatrix(1, 3, true, a[i]).mult(q).getDDRM().data;
        }
        b[5] = Vectors.scale(-1, b[5]);     // one word really changed
        Embeddings A = Embeddings.of(words(n), a);
        Embeddings B = Embeddings.of(words(n), b);
        Procrustes p = Procrustes.fit(A, B);
        SimpleMatrix r = p.rotation();
        assertTrue(r.transpose().mult(r).isIdentical(SimpleMatrix.identity(3), 1e-9), "R is orthogonal");
        Embeddings aligned = p.apply(B);
        assertArrayEquals(A.vector("w0"), aligned.vector("w0"), 0.05);
        SemanticChange change = SemanticChange.between(A, B);
        assertEquals("w5", change.mostChanged(1, n).stringColumn("word").get(0));
        assertTrue(change.change("w0") < 0.01);
    }

    @Test
    void refusesSpacesOfDifferentDimension() {
        Embeddings A = Embeddings.of(List.of("a", "b"), new double[][] {{1, 0}, {0, 1}});
        Embeddings B = Embeddings.of(List.of("a", "b"), new double[][] {{1, 0, 0}, {0, 1, 0}});
        assertThrows(IllegalArgumentException.class, () -> Procrustes.fit(A, B));
    }

    @Test
    void nullSpacesAreExplained() {
        Embeddings A = Embeddings.of(List.of("a", "b"), new double[][] {{1, 0}, {0, 1}});
        var a = assertThrows(NullPointerException.class, () -> Procrustes.fit(null, A));
        assertTrue(a.getMessage().contains("the space A is null"), a.getMessage());
        var b = assertThrows(NullPointerException.class, () -> Procrustes.fit(A, null));
        assertTrue(b.getMessage().contains("the space B is null"), b.getMessage());
        var apply = assertThrows(NullPointerException.class, () -> Procrustes.fit(A, A).apply(null));
        assertTrue(apply.getMessage().contains("the embeddings to rotate are null"), apply.getMessage());
    }
}
