package io.github.apricotcourse.kernel;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ExitCallRedirectTest {

    /** Calls System.exit when run; the test loads a rewritten copy. */
    public static final class Quitter implements Runnable {
        @Override
        public void run() {
            System.out.flush();
            System.exit(4);
        }
    }

    private static byte[] bytes(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void classesWithoutExitAreLeftAlone() throws IOException {
        byte[] original = bytes(ExitCallRedirectTest.class);
        assertSame(original, ExitCallRedirect.rewrite(original));
    }

    @Test
    void rewrittenClassCallsCellExitInstead() throws Exception {
        byte[] rewritten = ExitCallRedirect.rewrite(bytes(Quitter.class).clone());
        Class<?> loaded = new ClassLoader(getClass().getClassLoader()) {
            Class<?> define() {
                return defineClass("io.github.apricotcourse.kernel.ExitCallRedirectTest$Quitter", rewritten, 0, rewritten.length);
            }
        }.define();
        Runnable quitter = (Runnable) loaded.getConstructor().newInstance();
        SecurityException e = assertThrows(SecurityException.class, quitter::run);
        assertTrue(e.getMessage().startsWith("System.exit(4) was blocked"), e.getMessage());
    }
}
