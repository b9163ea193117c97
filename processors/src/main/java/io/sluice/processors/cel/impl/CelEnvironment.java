package io.sluice.processors.cel.impl;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.stream.Collectors;

/**
 * The one CEL environment every expression compiles in: the event's variables with their types,
 * the standard functions and macros, and ints and doubles comparable with each other (JSON does not
 * say which a number is).
 */
public final class CelEnvironment {

    private static final Cel CEL = CelFactory.standardCelBuilder()
            .setOptions(CelOptions.current()
                    .enableHeterogeneousNumericComparisons(true)
                    // Timestamps as Instant and durations as Duration, not protobuf messages.
                    .evaluateCanonicalTypesToNativeValues(true)
                    .build())
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("id", SimpleType.STRING)
            .addVar("source", SimpleType.STRING)
            .addVar("type", SimpleType.STRING)
            .addVar("subject", SimpleType.DYN)
            .addVar("datacontenttype", SimpleType.DYN)
            .addVar("time", SimpleType.DYN)
            .addVar("extensions", MapType.create(SimpleType.STRING, SimpleType.STRING))
            .addVar("headers", MapType.create(SimpleType.STRING, SimpleType.STRING))
            .addVar("header_values", MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)))
            .addVar("data", SimpleType.DYN)
            .build();

    private CelEnvironment() {}

    /**
     * A compiled, type-checked expression.
     *
     * @param program what evaluates it; immutable and thread-safe
     * @param resultType the checked type of its result ({@code dyn} when known only at run time)
     */
    public record Compiled(CelRuntime.Program program, CelType resultType) {

        /** Whether the result may be a bool: its type is {@code bool} or {@code dyn}. */
        public boolean mayBeBool() {
            return resultType.kind() == CelKind.BOOL || resultType.kind() == CelKind.DYN;
        }

        /** Whether the result may be a string. */
        public boolean mayBeString() {
            return resultType.kind() == CelKind.STRING || resultType.kind() == CelKind.DYN;
        }
    }

    /**
     * Parses and type-checks the expression.
     *
     * @throws IllegalArgumentException giving each error as {@code line:column: reason}
     */
    public static Compiled compile(String expression) {
        try {
            CelAbstractSyntaxTree ast = CEL.compile(expression).getAst();
            return new Compiled(CEL.createProgram(ast), ast.getResultType());
        } catch (CelValidationException e) {
            throw new IllegalArgumentException(describe(e), e);
        } catch (CelEvaluationException e) {
            // Planning fails only for a function declared without an implementation; say so plainly.
            throw new IllegalArgumentException("cannot be planned: " + e.getMessage(), e);
        }
    }

    private static String describe(CelValidationException e) {
        return e.getErrors().stream().map(CelEnvironment::describe).collect(Collectors.joining("; "));
    }

    private static String describe(CelIssue issue) {
        CelSourceLocation at = issue.getSourceLocation();
        if (at.equals(CelSourceLocation.NONE)) {
            return issue.getMessage();
        }
        // CEL counts columns from 0 in its issues but from 1 in its own display; users count from 1.
        return at.getLine() + ":" + (at.getColumn() + 1) + ": " + issue.getMessage();
    }

    /** The type's name as CEL writes it ({@code string}, {@code map(string, dyn)}). */
    public static String typeName(CelType type) {
        return type.name();
    }
}
