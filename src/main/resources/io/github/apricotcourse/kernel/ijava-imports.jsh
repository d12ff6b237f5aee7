// IJava 1.3.0's default imports, so notebooks behave the same on both kernels.
import java.util.*;
import java.io.*;
import java.math.*;
import java.net.*;
import java.util.concurrent.*;
import java.util.prefs.*;
import java.util.regex.*;
