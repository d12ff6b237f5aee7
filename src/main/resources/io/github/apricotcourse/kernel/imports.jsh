// Apricot's default imports: every lesson cell can use these names unqualified.
// The Apricot kernel runs this file at start-up; for real IJava, point IJAVA_STARTUP_SCRIPTS_PATH
// at a copy of it (src/bin/apricot ijava-env prints the settings). List only packages that exist.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import java.io.*;
import java.nio.file.*;
import java.time.*;

import io.github.apricotcourse.math.*;
import io.github.apricotcourse.text.*;
import io.github.apricotcourse.sgns.*;
import io.github.apricotcourse.embed.*;
import io.github.apricotcourse.check.*;
import io.github.apricotcourse.viz.*;
import io.github.apricotcourse.count.*;
import io.github.apricotcourse.subword.*;
import io.github.apricotcourse.glove.*;
import io.github.apricotcourse.align.*;
import io.github.apricotcourse.bias.*;
import io.github.apricotcourse.sense.*;
import io.github.apricotcourse.context.*;
import io.github.apricotcourse.data.*;
import io.github.apricotcourse.eval.*;

import tech.tablesaw.api.*;
import tech.tablesaw.plotly.api.*;
import tech.tablesaw.plotly.components.*;
import tech.tablesaw.plotly.traces.*;

import org.ejml.simple.*;
