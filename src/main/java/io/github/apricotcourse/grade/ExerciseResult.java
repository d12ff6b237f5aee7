package io.github.apricotcourse.grade;

/**
 * The grade of one graded cell of one student's notebook: a check cell, which the grader scores,
 * or an answer or task a person grades, which it only lists ({@code needsHuman}: no points yet).
 *
 * @param student    the student (their submission folder's name)
 * @param notebook   the notebook's file name
 * @param exercise   the cell's grade_id (or "-" when the whole notebook could not be graded)
 * @param points     points earned (0 while a person has not graded it)
 * @param maxPoints  points possible
 * @param passed     whether the check cell passed (false for a cell a person grades)
 * @param message    why it failed, or how many checks passed, or what a person should read; one line
 * @param needsHuman true for a written answer or task that a person grades
 */
public record ExerciseResult(String student, String notebook, String exercise, int points, int maxPoints, boolean passed,
        String message, boolean needsHuman) {
    /** The grade of a check cell (scored by the grader). */
    public ExerciseResult(String student, String notebook, String exercise, int points, int maxPoints, boolean passed,
            String message) {
        this(student, notebook, exercise, points, maxPoints, passed, message, false);
    }
}
