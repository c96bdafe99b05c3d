/** The audit trail: who changed what, from which value to which, fed by domain events. */
@NullMarked
package dev.atelier.audit;

import org.jspecify.annotations.NullMarked;
