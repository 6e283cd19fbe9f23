import { apiRequest } from './client';

/** Mirrors PopulationLookupRequest / PopulationLookupResult of the server (modules/population/schemas.ts). */
export interface PopulationLookupRequest {
  personalId: string;
  fullName: string;
  birthDate: string;
  purpose: string;
  dossierCode?: string;
  procedureCode?: string;
}

export interface PopulationAddress {
  provinceName: string;
  districtName: string;
  communeName: string;
  detail: string;
  text: string;
}

export type VerifiedField =
  | 'personalId'
  | 'fullName'
  | 'birthDate'
  | 'sex'
  | 'ethnicity'
  | 'nationality'
  | 'permanentAddress'
  | 'currentAddress';

export interface PopulationLookupResult {
  requestId: string;
  source: 'CSDLQG_DAN_CU';
  lookedUpAt: string;
  person: {
    personalId: string;
    fullName: string;
    sex: 'male' | 'female' | 'unknown';
    birthDate: string;
    ethnicity: string;
    nationality: string;
    permanentAddress: PopulationAddress | null;
    currentAddress: PopulationAddress | null;
  };
  verified: VerifiedField[];
}

export function lookUpCitizen(body: PopulationLookupRequest) {
  return apiRequest<PopulationLookupResult>('/api/v1/population/lookup', { method: 'POST', body });
}
