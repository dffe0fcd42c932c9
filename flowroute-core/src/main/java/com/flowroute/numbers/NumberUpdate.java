package com.flowroute.numbers;

import com.flowroute.numbers.internal.Validation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A change to a number's settings (v2): its alias and whether incoming calls look up the
 * caller's name. {@code NumberUpdate.builder().alias("NYC main").cnamLookupsEnabled(true).build()};
 * either may be left out, but not both.
 */
@Value.Immutable
public abstract class NumberUpdate {
    /** The new alias, such as {@code NYC main}. */
    public abstract Optional<String> alias();

    /** Whether incoming calls to the number look up the caller's name (CNAM). */
    public abstract Optional<Boolean> cnamLookupsEnabled();

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Enforces the rules at {@code build()}, naming the field, the value and the rule on failure. */
    @Value.Check
    protected void check() {
        alias().ifPresent(alias -> Validation.text(alias, "alias"));
        Validation.require(alias().isPresent() || cnamLookupsEnabled().isPresent(), "NumberUpdate", "{}",
                "set alias, cnamLookupsEnabled or both");
    }

    /** Builds a {@link NumberUpdate}; {@code build()} validates it. */
    public static final class Builder extends ImmutableNumberUpdate.Builder {}
}
