package io.sluice.connector.cron.impl;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.definition.CronNicknames;
import com.cronutils.model.field.definition.FieldDefinition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * Which cron expressions a schedule accepts: a cron-utils definition, and how to describe it in an
 * error message.
 *
 * @param definition what cron-utils parses
 * @param forms what the error message tells the operator to write
 */
record ScheduleSyntax(CronDefinition definition, String forms) {

    /**
     * The crontab syntax of {@code type: cron}: cron-utils' UNIX definition (5 fields, names such as
     * {@code MON} and {@code JAN}, day-of-month and day-of-week matched with OR) plus the descriptors
     * robfig/cron, which the OpenFaaS cron-connector uses, also takes; {@code @every} is not among
     * them, cron-utils has no fixed-interval form.
     */
    static final ScheduleSyntax CRONTAB = new ScheduleSyntax(
            crontabWithDescriptors(),
            "5 fields 'minute hour day-of-month month day-of-week' (e.g. '*/5 * * * *', '0 3 * * MON-FRI') or one"
                    + " of @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly");

    private static CronDefinition crontabWithDescriptors() {
        CronDefinition unix = CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX);
        List<FieldDefinition> fields = new ArrayList<>(unix.getFieldDefinitions());
        fields.sort(FieldDefinition.createFieldDefinitionComparator());
        // The UNIX definition with only its nickname set widened, so fields and validation stay cron-utils'.
        return new CronDefinition(
                fields,
                unix.getCronConstraints(),
                EnumSet.of(
                        CronNicknames.YEARLY,
                        CronNicknames.ANNUALLY,
                        CronNicknames.MONTHLY,
                        CronNicknames.WEEKLY,
                        CronNicknames.DAILY,
                        CronNicknames.MIDNIGHT,
                        CronNicknames.HOURLY),
                unix.isMatchDayOfWeekAndDayOfMonth());
    }
}
