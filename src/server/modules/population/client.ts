import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { createLink, LinkError, type LinkOptions } from '../../lib/http-link.ts';

/*
 * Client of the provincial data-sharing platform (LGSP → NDXP → national population database) for the
 * citizen lookup of docs/domain-vn.md §8.3: request SoDinhDanh, HoVaTen, NgayThangNam, MaYeuCau, MaDVC,
 * MaTichHop, MaCanBo; answer the XML envelope Envelope/Body/CongdanCollection/CongDan. The address
 * still has a district level in this schema: it is kept when present (records before 1 July 2025) and
 * left out of the formatted address when empty.
 */

export interface PopulationAddress {
  provinceCode: string;
  provinceName: string;
  districtCode: string;
  districtName: string;
  communeCode: string;
  communeName: string;
  detail: string;
  /** One line, most specific first: "Ấp Tân Phú, Xã Tân Thới, Tỉnh Đồng Tháp". */
  text: string;
}

export interface PopulationPerson {
  personalId: string;
  fullName: string;
  familyName: string;
  middleName: string;
  givenName: string;
  sex: 'male' | 'female' | 'unknown';
  /** YYYY-MM-DD when the database holds a full date, else YYYY-MM or YYYY. */
  birthDate: string;
  ethnicity: string;
  religion: string;
  maritalStatus: string;
  nationality: string;
  birthRegistrationPlace: PopulationAddress | null;
  hometown: PopulationAddress | null;
  permanentAddress: PopulationAddress | null;
  currentAddress: PopulationAddress | null;
  householdHead: { relation: string; personalId: string; fullName: string } | null;
}

export interface LookupQuery {
  personalId: string;
  fullName: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** MaYeuCau: unique per lookup (motcua's request id). */
  requestId: string;
  /** MaCanBo: the officer's code. */
  officerCode: string;
  /** MaDVC: the public-service code the lookup serves (procedure code when known). */
  serviceCode: string;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  removeNSPrefix: true,
  isArray: (name) => name === 'CongDan',
});

type Node = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const node = (v: unknown): Node | undefined => (v && typeof v === 'object' ? (v as Node) : undefined);

function address(v: unknown): PopulationAddress | null {
  const a = node(v);
  if (!a) return null;
  const r = {
    provinceCode: str(a.MaTinhThanh),
    provinceName: str(a.TenTinhThanh),
    districtCode: str(a.MaQuanHuyen),
    districtName: str(a.TenQuanHuyen),
    communeCode: str(a.MaPhuongXa),
    communeName: str(a.TenPhuongXa),
    detail: str(a.ChiTiet),
  };
  const text = [r.detail, r.communeName, r.districtName, r.provinceName].filter(Boolean).join(', ');
  return { ...r, text };
}

function birthDate(v: string): string {
  if (/^\d{8}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
  if (/^\d{6}$/.test(v)) return `${v.slice(0, 4)}-${v.slice(4, 6)}`;
  return v;
}

/** The people in a §8.3 envelope; throws a permanent 'malformed' LinkError when it is not one. */
export function parseCitizenEnvelope(xml: string): PopulationPerson[] {
  if (XMLValidator.validate(xml) !== true) throw new LinkError('malformed', false, 'answer is not XML');
  const doc = parser.parse(xml) as Node;
  const body = node(node(doc.Envelope)?.Body);
  if (!body || !('CongdanCollection' in body))
    throw new LinkError('malformed', false, 'answer has no Envelope/Body/CongdanCollection');
  const people = (node(body.CongdanCollection)?.CongDan as unknown[] | undefined) ?? [];
  return people.map((p) => {
    const c = node(p) ?? {};
    const name = node(c.HoVaTen) ?? {};
    const [familyName, middleName, givenName] = [str(name.Ho), str(name.ChuDem), str(name.Ten)];
    const head = node(c.ChuHo);
    const sex = str(c.GioiTinh);
    return {
      personalId: str(c.SoDinhDanh),
      fullName: [familyName, middleName, givenName].filter(Boolean).join(' '),
      familyName,
      middleName,
      givenName,
      sex: sex === '1' ? 'male' : sex === '2' ? 'female' : 'unknown',
      birthDate: birthDate(str(c.NgayThangNamSinh)),
      ethnicity: str(c.DanToc),
      religion: str(c.TonGiao),
      maritalStatus: str(c.TinhTrangHonNhan),
      nationality: str(c.QuocTich),
      birthRegistrationPlace: address(c.NoiDangKyKhaiSinh),
      hometown: address(c.QueQuan),
      permanentAddress: address(c.ThuongTru),
      currentAddress: address(c.NoiOHienTai),
      householdHead: head
        ? { relation: str(head.QuanHe), personalId: str(head.SoDinhDanh), fullName: str(head.HoVaTen) }
        : null,
    };
  });
}

export function createPopulationClient(opts: LinkOptions & { integrationCode: string }) {
  const link = createLink(opts);
  return {
    baseUrl: link.baseUrl,
    /** The person with this ID, name and birth date, or undefined when the database has none. */
    async lookup(q: LookupQuery): Promise<PopulationPerson | undefined> {
      const res = await link.call('POST', '/api/ndxp/csdlqgdc/tra-cuu-cong-dan', {
        SoDinhDanh: q.personalId,
        HoVaTen: q.fullName,
        NgayThangNam: q.birthDate.replaceAll('-', ''),
        MaYeuCau: q.requestId,
        MaDVC: q.serviceCode,
        MaTichHop: opts.integrationCode,
        MaCanBo: q.officerCode,
      });
      const people = parseCitizenEnvelope(res.text);
      return people.find((p) => p.personalId === q.personalId);
    },
    forgetToken: link.forgetToken,
    probe: link.probe,
    close: link.close,
  };
}

export type PopulationClient = ReturnType<typeof createPopulationClient>;
