// `npx tsx scripts/figure-rules.ts DIR [names…]`: checks issue 23's rules (time to read, arithmetic,
// collisions, glyphs, topic) on a render made with RENDER_TEXT_LOG=1 and --format including vtt:
//   RENDER_TEXT_LOG=1 npm run render -- conv --scale 0.5 --format gif,vtt --out /tmp/r && npx tsx scripts/figure-rules.ts /tmp/r conv
// Prints one line per violation; exits 1 when there is one, 2 on bad input.
import {existsSync} from 'node:fs';
import {ANIMATIONS, isAnimationName} from '../src/animations/registry';
import {figureViolations, readEvidence} from '../src/figureRules/evidence';

function main(args: string[]): number {
  const [dir, ...names] = args;
  if (!dir || !existsSync(dir)) {
    console.error(`figure-rules: give a render's output folder first (got ${dir ? `"${dir}", which does not exist` : 'nothing'})`);
    return 2;
  }
  const unknown = names.find(n => !isAnimationName(n));
  if (unknown) {
    console.error(`figure-rules: unknown animation "${unknown}"; valid: ${ANIMATIONS.join(', ')}`);
    return 2;
  }
  let count = 0;
  for (const name of names.length ? names : ANIMATIONS.filter(n => existsSync(`${dir}/${n}.texts.json`))) {
    let violations;
    try {
      violations = figureViolations(readEvidence(dir, name));
    } catch (error) {
      console.error(`figure-rules: ${(error as Error).message}`);
      return 2;
    }
    for (const v of violations) console.log(`${v.figure}${v.frame === undefined ? '' : `@${v.frame}`} rule ${v.rule}: ${v.message}`);
    console.log(`${name}: ${violations.length === 0 ? 'clean' : `${violations.length} violation(s)`}`);
    count += violations.length;
  }
  return count === 0 ? 0 : 1;
}

process.exit(main(process.argv.slice(2)));
