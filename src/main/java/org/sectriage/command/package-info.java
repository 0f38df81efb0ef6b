/**
 * Maintainers drive a case by mail: command lines at the top of a reply, such as {@code #confirm},
 * {@code #severity high} or {@code #fixed 2.4.1}, change the case. Plain Java, no mail or storage.
 *
 * <ul>
 *   <li>{@link org.sectriage.command.MaintainerCommands}: {@code parse} a reply into
 *       {@link org.sectriage.command.ParsedCommands} (valid commands, or errors naming the line and the
 *       right syntax), {@code apply} them to a {@link org.sectriage.command.CaseFile}, or {@code process}
 *       both. A batch with any error applies nothing.</li>
 *   <li>{@link org.sectriage.command.CommandOutcome.Applied} carries the new case file and the
 *       {@link org.sectriage.command.Effects} to carry out: event-log entries, notices the reporter is owed,
 *       SLA timeline events, the {@code #internal} flag and the {@code #help} text.</li>
 *   <li>{@link org.sectriage.command.CommandContext}: the acting maintainer, the clock, the policy's
 *       longest embargo, the team (for {@code #assign}) and which case ids exist (for {@code #duplicate}).</li>
 *   <li>The lifecycle is one table, {@code Transition}; each command is one small class, found by
 *       keyword in the {@link org.sectriage.command.CommandRegistry}.</li>
 *   <li>{@link org.sectriage.command.CommandBlock} says where the commands end and the maintainer's text
 *       begins; the relay uses it to leave the commands out of what the reporter reads.</li>
 * </ul>
 *
 * <p>Only an authenticated reply (signed by the maintainer, or with a trusted DKIM pass) may be given
 * to {@code process}; that check, loading and storing the case file, and sending the notices are the
 * caller's.
 */
package org.sectriage.command;
