import { phaseTone } from '../format';

/** The phase as a coloured label; the colour repeats the word, never replaces it. */
export function PhaseBadge({ phase }: { phase: string }) {
  return (
    <span className={`badge tone-${phaseTone(phase)}`} data-phase={phase}>
      {phase}
    </span>
  );
}
