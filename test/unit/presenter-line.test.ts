/**
 * The presenter-line parser: every form on the reference agendas, and names
 * with titles, hyphens, post-nominals and commas.
 */
import { describe, expect, it } from 'vitest';
import { composeAuthor, parsePresenterLine, splitPerson } from '../../shared/import/presenter-line';
import { authorFromPresenter } from '../../shared/minutes/standard-items';

const person = (name: string, role: string, organisation: string) => ({ name, role, organisation, author: composeAuthor({ name, role, organisation }) || null });

describe('parsePresenterLine: the forms on the reference agendas', () => {
  it.each([
    [
      'Rik Basra, Community Safety Co-ordinator, Leicestershire County Council will present this report.',
      'report',
      person('Rik Basra', 'Community Safety Co-ordinator', 'Leicestershire County Council'),
    ],
    ['Gurjit Samra-Rai, Leicestershire County Council will present this report.', 'report', person('Gurjit Samra-Rai', '', 'Leicestershire County Council')],
    ['Elaine Stevenson, CEO, Warning Zone, will present this report.', 'report', person('Elaine Stevenson', 'CEO', 'Warning Zone')],
    [
      'Rik Basra, Community Safety Co-ordinator, Leicestershire County Council will present this report on behalf of the Probation Service.',
      'report',
      person('Rik Basra', 'Community Safety Co-ordinator', 'Leicestershire County Council'),
    ],
    ['Gurjit Samra-Rai, Leicestershire County Council, will provide a verbal update.', 'verbal', person('Gurjit Samra-Rai', '', 'Leicestershire County Council')],
    ['Nick Dann, Ministry of Justice, will provide an update.', 'verbal', person('Nick Dann', '', 'Ministry of Justice')],
    ['This update will be provided by Raj Singh, Ministry of Justice.', 'verbal', person('Raj Singh', '', 'Ministry of Justice')],
    [
      'This report will be presented by Euan Walters, Senior Democratic Services Officer, Leicestershire County Council.',
      'report',
      person('Euan Walters', 'Senior Democratic Services Officer', 'Leicestershire County Council'),
    ],
    ['This report will be presented by Elaine Stevenson, CEO, Warning Zone.', 'report', person('Elaine Stevenson', 'CEO', 'Warning Zone')],
    [
      'This report will be presented by Charlotte Keedwell, Sentinel Coordinator, Leicestershire County Council.',
      'report',
      person('Charlotte Keedwell', 'Sentinel Coordinator', 'Leicestershire County Council'),
    ],
    ['This report will be presented by Supt Aimee Ramm, Leicestershire Police.', 'report', person('Supt Aimee Ramm', '', 'Leicestershire Police')],
    [
      'A presentation will be given by Anita Chavda, Projects and Planning Officer Community Safety Team, Leicestershire County Council.',
      'presentation',
      person('Anita Chavda', 'Projects and Planning Officer Community Safety Team', 'Leicestershire County Council'),
    ],
    ['A presentation will be given by Manjeeta Sunnar, Head of Service.', 'presentation', person('Manjeeta Sunnar', 'Head of Service', '')],
    ['Suki Kaur will provide a verbal update.', 'verbal', person('Suki Kaur', '', '')],
    ['Suki Kaur will provide an oral update.', 'oral', person('Suki Kaur', '', '')],
    ['Kay Knowles, Probation Service, will give a presentation.', 'presentation', person('Kay Knowles', '', 'Probation Service')],
  ] as const)('%s', (line, form, expected) => {
    expect(parsePresenterLine(line)).toEqual({ ...expected, form });
  });

  it('reads "An oral update will be provided at the meeting." as nobody named', () => {
    expect(parsePresenterLine('An oral update will be provided at the meeting.')).toEqual({ name: '', role: '', organisation: '', author: null, form: 'oral' });
    expect(parsePresenterLine('A verbal update will be given at the meeting.')).toEqual({ name: '', role: '', organisation: '', author: null, form: 'verbal' });
    expect(authorFromPresenter('An oral update will be provided at the meeting.')).toBe('');
  });

  it('reads the sentence in markdown emphasis and with its spacing broken, as a pasted agenda gives it', () => {
    expect(parsePresenterLine('*This update will be provided by Raj  Singh,\nMinistry of Justice.*')).toMatchObject({ author: 'Raj Singh, Ministry of Justice', form: 'verbal' });
  });

  it('reads lines in no known form as the person, with form unknown, and an empty line as nobody', () => {
    expect(parsePresenterLine('Rik Basra, Leicestershire County Council')).toEqual({ ...person('Rik Basra', '', 'Leicestershire County Council'), form: 'unknown' });
    expect(parsePresenterLine('Presenter: Rik Basra')).toEqual({ ...person('Rik Basra', '', ''), form: 'report' });
    expect(parsePresenterLine('   ')).toEqual({ name: '', role: '', organisation: '', author: null, form: 'unknown' });
  });

  it('reads "Report of the Director of …" as a role with its article, and an organisation presenting as nobody named', () => {
    expect(parsePresenterLine('Report of the Director of Public Health')).toEqual({ name: '', role: 'the Director of Public Health', organisation: '', author: 'the Director of Public Health', form: 'report' });
    expect(parsePresenterLine('Leicestershire Police will present this report.')).toEqual({ name: '', role: '', organisation: 'Leicestershire Police', author: 'Leicestershire Police', form: 'report' });
  });
});

describe('parsePresenterLine: names', () => {
  it.each([
    ['Mrs D. Taylor CC will provide a verbal update.', person('Mrs D. Taylor CC', '', '')],
    ['Mr. T. Parton CC, Combined Fire Authority will present this report.', person('Mr. T. Parton CC', '', 'Combined Fire Authority')],
    ['Ms. R. Garton, Leicestershire Clinical Commissioning Groups will present this report.', person('Ms. R. Garton', '', 'Leicestershire Clinical Commissioning Groups')],
    ['Dr Stevie-Jade Hardy, Evidence and Evaluation Lead, Violence Reduction Network will present this report.', person('Dr Stevie-Jade Hardy', 'Evidence and Evaluation Lead', 'Violence Reduction Network')],
    ['Cllr. L. Harper-Davies will present this report.', person('Cllr. L. Harper-Davies', '', '')],
    ['Supt. A. Slonecki, Leicestershire Police, will give a presentation.', person('Supt. A. Slonecki', '', 'Leicestershire Police')],
    ['This report will be presented by Chief Superintendent Johnny Starbuck, Leicestershire Police.', person('Chief Superintendent Johnny Starbuck', '', 'Leicestershire Police')],
    // A post-nominal after a comma stays with the name.
    ['Chief Constable Rob Nixon, QPM, Leicestershire Police will present this report.', person('Chief Constable Rob Nixon, QPM', '', 'Leicestershire Police')],
    // A role of two parts is never mistaken for the organisation.
    ['Lord Willy Bach, Police and Crime Commissioner will present this report.', person('Lord Willy Bach', 'Police and Crime Commissioner', '')],
    ['Paul Hindson, Office of the Police and Crime Commissioner will present this report.', person('Paul Hindson', '', 'Office of the Police and Crime Commissioner')],
    ['Rik Basra, Community Safety Team Leader, will present this report.', person('Rik Basra', 'Community Safety Team Leader', '')],
    // An organisation whose name holds a comma: "Leicester, Leicestershire and Rutland".
    [
      'Bob Bearne, Head of Probation Delivery Unit, Leicester, Leicestershire and Rutland will present this report.',
      person('Bob Bearne', 'Head of Probation Delivery Unit', 'Leicester, Leicestershire and Rutland'),
    ],
    // Several roles: all between the name and the organisation.
    ['Jo Hewitt, Head of Service, Deputy Director, Wessex County Council will present this report.', person('Jo Hewitt', 'Head of Service, Deputy Director', 'Wessex County Council')],
    ['Rik Basra and Gurjit Samra-Rai, Leicestershire County Council will present this report.', person('Rik Basra and Gurjit Samra-Rai', '', 'Leicestershire County Council')],
  ] as const)('%s', (line, expected) => {
    expect(parsePresenterLine(line)).toMatchObject(expected);
  });

  it('prints the author as the parts joined, as the minutes print them', () => {
    expect(composeAuthor({ name: ' Raj Singh ', role: '', organisation: 'Ministry  of Justice' })).toBe('Raj Singh, Ministry of Justice');
    expect(splitPerson('Elaine Stevenson, CEO, Warning Zone,').author).toBe('Elaine Stevenson, CEO, Warning Zone');
  });
});

describe('authorFromPresenter (the minutes\u2019 author when the clerk typed none)', () => {
  it('is the person, never the sentence', () => {
    expect(authorFromPresenter('A presentation will be given by Anita Chavda, Projects and Planning Officer, Leicestershire County Council.')).toBe(
      'Anita Chavda, Projects and Planning Officer, Leicestershire County Council',
    );
    expect(authorFromPresenter('This update will be provided by Raj Singh, Ministry of Justice.')).toBe('Raj Singh, Ministry of Justice');
    expect(authorFromPresenter('Rik Basra, Community Safety Team Leader, will present this report.')).toBe('Rik Basra, Community Safety Team Leader');
    expect(authorFromPresenter('')).toBe('');
  });
});
