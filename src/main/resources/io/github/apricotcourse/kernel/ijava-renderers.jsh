// For real IJava 1.3.0 only: a cell's last expression that is a Tablesaw table or figure, or an
// Html, is drawn as in the Apricot kernel (text/html preferred) instead of as its toString().
// src/bin/apricot ijava-env lists this after imports.jsh in IJAVA_STARTUP_SCRIPTS_PATH.
// In any other JVM (the Apricot kernel, JShell) the call finds no IJava and does nothing.
io.github.apricotcourse.viz.RichRenderers.registerWithIJava();
