import type { CredentialForm } from '../../page/snapshot';
import { classifyCredential } from '../credential-types';

/**
 * What "Does it count?" searches first when a Create Credential form is open: the Other Credential
 * text; else the Credential Received choice when it names one kind of credential the catalogue has
 * (a diploma or equivalency, a degree). A generic choice ("Occupational Skills License") names no
 * credential: searching it would list unrelated entries, so the tab asks for the credential's name.
 */
export interface FormSearch {
  query: string;
  from: 'other-credential' | 'credential-received' | null;
  /** The Credential Received choice, when it is too generic to search. */
  genericChoice?: string;
}

const SPECIFIC = new Set(['secondary', 'associate', 'bachelor', 'graduate']);

export function formSearch(form: CredentialForm | null): FormSearch {
  const other = form?.otherCredential.found ? form.otherCredential.text.trim() : '';
  if (other !== '') return { query: other, from: 'other-credential' };
  if (!form?.credential.chosen) return { query: '', from: null };
  const choice = form.credential.text.trim();
  if (SPECIFIC.has(classifyCredential(choice))) return { query: choice, from: 'credential-received' };
  return { query: '', from: null, genericChoice: choice };
}
