/**
 * The SLA clock's domain core: when each promise of a security policy falls due for a case, and which
 * reminders and escalations the case is owed; plain Java on {@code java.time}, no timers or storage.
 *
 * <ul>
 *   <li>{@link org.sectriage.sla.BusinessCalendar}: working days, hours and {@link org.sectriage.sla.Holidays}
 *       in a time zone; {@link org.sectriage.sla.TimeBasis} says what a promise counts.</li>
 *   <li>{@link org.sectriage.sla.Deadlines#compute}: a case's deadlines from its
 *       {@link org.sectriage.sla.CaseTimeline} and {@link org.sectriage.sla.SlaPolicy}.</li>
 *   <li>{@link org.sectriage.sla.EscalationRule}: what is due now and when to look again, so a scheduler
 *       sleeps until {@link org.sectriage.sla.SlaCheck#nextCheck()} instead of scanning every case.</li>
 * </ul>
 *
 * <p>A business hour is an hour within working hours ({@link org.sectriage.sla.TimeBasis#WORKING_HOURS}),
 * as help-desk SLA tools count it; "3 business days" is {@code 3d} counted in
 * {@link org.sectriage.sla.TimeBasis#WORKING_DAYS}.
 */
package org.sectriage.sla;
