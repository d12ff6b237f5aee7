package io.github.apricotcourse.kernel;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites a compiled snippet so that its calls to {@code System.exit(int)} call
 * {@link CellExit#exit(int)} instead: only the class named by the method reference changes, in
 * the class file's constant pool (a new class entry is appended; nothing else moves). This works
 * on every Java version, unlike a security manager (deprecated in 17, allowed on 18 to 23 only
 * with {@code -Djava.security.manager=allow}, gone from 24 on): see {@link ExitGuard} for why both stay.
 */
final class ExitCallRedirect {

    static final String SYSTEM = "java/lang/System";
    static final String REPLACEMENT = CellExit.class.getName().replace('.', '/');

    private static final int UTF8 = 1, CLASS = 7, METHODREF = 10, NAME_AND_TYPE = 12, LONG = 5, DOUBLE = 6;

    private ExitCallRedirect() {
    }

    /** The class file with {@code System.exit} redirected, or the same array if it has no such call. */
    static byte[] rewrite(byte[] classFile) {
        ByteBuffer in = ByteBuffer.wrap(classFile);
        in.position(8);
        int count = Short.toUnsignedInt(in.getShort());
        String[] utf8 = new String[count];
        int[] tag = new int[count];
        int[] first = new int[count];
        int[] second = new int[count];
        int[] offset = new int[count];
        for (int i = 1; i < count; i++) {
            offset[i] = in.position();
            tag[i] = Byte.toUnsignedInt(in.get());
            switch (tag[i]) {
                case UTF8 -> {
                    byte[] bytes = new byte[Short.toUnsignedInt(in.getShort())];
                    in.get(bytes);
                    utf8[i] = new String(bytes, StandardCharsets.UTF_8); // modified UTF-8; fine for these names
                }
                case 3, 4 -> in.position(in.position() + 4);
                case LONG, DOUBLE -> {
                    in.position(in.position() + 8);
                    i++;
                }
                case CLASS, 8, 16, 19, 20 -> first[i] = Short.toUnsignedInt(in.getShort());
                case 9, METHODREF, 11, NAME_AND_TYPE, 17, 18 -> {
                    first[i] = Short.toUnsignedInt(in.getShort());
                    second[i] = Short.toUnsignedInt(in.getShort());
                }
                case 15 -> in.position(in.position() + 3);
                default -> throw new IllegalArgumentException("Unknown constant pool tag " + tag[i] + " at entry " + i);
            }
        }
        int poolEnd = in.position();

        Set<Integer> systemClasses = new HashSet<>();
        Set<Integer> exitNames = new HashSet<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] == CLASS && SYSTEM.equals(utf8[first[i]])) {
                systemClasses.add(i);
            } else if (tag[i] == NAME_AND_TYPE && "exit".equals(utf8[first[i]]) && "(I)V".equals(utf8[second[i]])) {
                exitNames.add(i);
            }
        }
        List<Integer> exitCalls = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            if (tag[i] == METHODREF && systemClasses.contains(first[i]) && exitNames.contains(second[i])) {
                exitCalls.add(i);
            }
        }
        if (exitCalls.isEmpty()) {
            return classFile;
        }

        byte[] patched = classFile.clone();
        int replacementClass = count + 1; // entry `count` is the new name, `count + 1` the class
        for (int i : exitCalls) {
            patched[offset[i] + 1] = (byte) (replacementClass >> 8);
            patched[offset[i] + 2] = (byte) replacementClass;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 64);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(patched, 0, 8);
            out.writeShort(count + 2);
            out.write(patched, 10, poolEnd - 10);
            out.writeByte(UTF8);
            out.writeUTF(REPLACEMENT);
            out.writeByte(CLASS);
            out.writeShort(count);
            out.write(patched, poolEnd, patched.length - poolEnd);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
