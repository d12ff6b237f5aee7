package io.github.apricotcourse.grade;

/**
 * The grade of one check cell of one student's notebook.
 *
 * @param student   the student (their submission folder's name)
 * @param notebook  the notebook's file name
 * @param exercise  the check cell's grade_id (or "-" when the whole notebook could not be graded)
 * @param points    points earned
 * @param maxPoints points possible
 * @param passed    whether the check cell passed
 * @param message   why it failed, or how many checks passed; one line
 */
public record ExerciseResult(String student, String notebook, String exercise, int points, int maxPoints, boolean passed,
        String message) {}
