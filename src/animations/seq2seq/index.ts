/** seq2seq: the definition the registry gathers (see src/animations/define.ts). */
import {defineAnimation} from '../define';
import {POSITION} from './browser';
import {computeSeq2seqRecord} from './model';
import {validateSeq2seqRecord} from './record';
import {SEQ2SEQ_DEFAULTS, seq2seqParams} from './params';
import {seq2seqText} from './text';

export default defineAnimation({
  name: 'seq2seq',
  position: POSITION,
  validate: validateSeq2seqRecord,
  params: {defaults: SEQ2SEQ_DEFAULTS, schema: seq2seqParams, seeded: false},
  compute: inputs => computeSeq2seqRecord({params: inputs.params}),
  text: seq2seqText,
});
