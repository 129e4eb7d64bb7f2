import type { NetworkKind, NetworkOwner } from './network-kinds.ts';

// Our own table of who runs a network and what that means for a hit. Every ASN below was looked up
// in @ip-location-db/asn 2.3.2026061719 (2026-12-01) and the name quoted after "AS name" is that
// database's row name; test/unit/network-owners.test.ts checks them against the installed database,
// so an ASN that changes hands fails a test instead of silently keeping its old meaning. Where a
// vendor document lists addresses, they were looked up too and the document is cited.
//
// What an ASN cannot tell (2026-12):
// - Azure shares AS8075 with Microsoft 365, so Azure-hosted scanners count as Microsoft (`mailHost`,
//   which already makes their clicks scanners). Microsoft's "Azure IP Ranges and Service Tags" file
//   (microsoft.com/download/details.aspx?id=56519, weekly, ~4 MB) could split them out as prefixes.
// - Several gateways now filter from the clouds: Barracuda's US range 209.222.80.0/21, Symantec's
//   67.219.240.0/20 and 117.120.16.0/21, Cloudflare Area 1's egress (developers.cloudflare.com,
//   email-security/deployment/inline/reference/egress-ips) are in AWS or Google Cloud, so they
//   show as `cloudHosting`. Area 1 has no AS of its own; SpamTitan/TitanHQ, Libraesva and Vade have
//   none in the database either, and are left out rather than guessed.
// - Apple's Private Relay egress (which Mail Privacy Protection's image loads use, wordtothewise.com
//   2021-09 "Apple MPP reporting and geolocation") is mostly Akamai, Cloudflare and Fastly addresses.
//   Apple publishes it at mask-api.icloud.com/egress-ip-ranges.csv (~300,000 rows, matomo-org/
//   plugin-TrackingSpamPrevention#146); loaded as `appleRelay` prefixes it would name MPP fetches
//   exactly. Not shipped: its size, and it changes. AS714 and AS6185 catch Apple's own egress only.

const DB = '@ip-location-db/asn 2.3.2026061719';
const asName = (name: string) => `AS name "${name}" (${DB})`;
const row = (asn: number, name: string, kind: NetworkKind, source: string): NetworkOwner => ({
  asn,
  name,
  kind,
  source,
});
/** Rows for ASNs whose only source is the database's own row name. */
const named = (kind: NetworkKind, name: string, asNameText: string, asns: number[]) =>
  asns.map((asn) => row(asn, name, kind, asName(asNameText)));

const MIMECAST_SPF =
  "Mimecast's SPF netblocks (_netblocks.mimecast.com, as archived in github.com/blankcode/msipdelta2 MimeCast_GL/list/IPv4) lie in this AS";
const PROOFPOINT_SUPPORT =
  "Proofpoint's support page (proofpoint.my.site.com/support/PPSup_SupportInfo) lists 67.231.144.0/20, 208.84.64.0/22, 208.86.200.0/22 and 91.209.104.0/24, which lie in AS26211, AS22843 and AS52129";
const MESSAGELABS_SPF =
  'MessageLabs (Symantec, now Broadcom) SPF netblocks 85.158.136.0/21, 193.109.254.0/23, 194.106.220.0/23, 95.131.104.0/21 and 46.226.48.0/21 (spf.messagelabs.com, archived in github.com/blankcode/msipdelta2) lie in this AS';
const WARMBLY =
  'warmbly/warmbly#412 and #438 treat Microsoft 8075 and 12076 and Google 15169 as scanners for clicks only';

/** Gateways that take a company's inbound mail, scan it and follow its links. */
const mailSecurity: NetworkOwner[] = [
  ...(
    [
      [30031, 'Mimecast North America Inc'],
      [42427, 'Mimecast Services Limited'],
      [60492, 'Mimecast Services Limited'],
      [39588, 'Mimecast Services Limited'],
      [37235, 'Mimecast South Africa'],
      [136792, 'Mimecast Australia Pty Ltd'],
    ] as const
  ).map(([asn, name]) => row(asn, 'Mimecast', 'mailSecurity', `${MIMECAST_SPF}; ${asName(name)}`)),
  row(33538, 'Mimecast', 'mailSecurity', asName('Mimecast North America Inc')),
  row(397726, 'Mimecast', 'mailSecurity', asName('Mimecast North America Inc')),
  row(208638, 'Mimecast', 'mailSecurity', asName('Mimecast Services Limited')),
  ...[26211, 22843, 52129].map((asn) =>
    row(asn, 'Proofpoint', 'mailSecurity', `${PROOFPOINT_SUPPORT}; ${asName('Proofpoint, Inc.')}`),
  ),
  row(13916, 'Proofpoint', 'mailSecurity', asName('Proofpoint, Inc.')),
  row(
    15324,
    'Barracuda',
    'mailSecurity',
    `Barracuda Email Security Service IP ranges (campus.barracuda.com/product/essentials/doc/78810332); ${asName('Barracuda Networks, Inc.')}`,
  ),
  ...named(
    'mailSecurity',
    'Cisco Secure Email (IronPort)',
    'Cisco Systems Ironport Division',
    [16417, 30238, 30215, 40427],
  ),
  row(16880, 'Trend Micro', 'mailSecurity', asName('TREND MICRO INCORPORATED')),
  row(132229, 'Trend Micro', 'mailSecurity', asName('Trend Micro, Inc.')),
  row(399342, 'Sophos', 'mailSecurity', asName('SOPHOS')),
  row(
    21345,
    'Symantec Email Security.cloud (MessageLabs)',
    'mailSecurity',
    `${MESSAGELABS_SPF}; ${asName('CA Technology R&D Limited')}`,
  ),
  row(
    7583,
    'Symantec Email Security.cloud (MessageLabs)',
    'mailSecurity',
    asName('MessageLabs - Now Part of Symantec'),
  ),
  row(401943, 'Hornetsecurity', 'mailSecurity', asName('Hornetsecurity')),
  row(40934, 'Fortinet', 'mailSecurity', asName('Fortinet Inc.')),
  row(33151, 'Trustwave', 'mailSecurity', asName('Trustwave Holdings, Inc.')),
  row(53780, 'AppRiver (Zix)', 'mailSecurity', asName('APPRIVER LLC')),
  row(13380, 'Zix', 'mailSecurity', asName('Zix Corporation')),
];

/** Webmails whose image proxy fetches pixels when the reader opens the mail. */
const imageProxy: NetworkOwner[] = named(
  'imageProxy',
  'Yahoo Mail',
  'Oath Holdings Inc.',
  // Yahoo Mail's proxy announces itself (YahooMailProxy, help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html);
  // these are the networks of Yahoo (Oath) it can fetch from.
  [10310, 36647, 26101, 36646],
);

/** Microsoft's and Google's own networks: their webmail proxies fetch images, their scanners follow links. */
const mailHost: NetworkOwner[] = [
  row(8075, 'Microsoft', 'mailHost', `${WARMBLY}; ${asName('Microsoft Corporation')}; also Azure's customers`),
  row(12076, 'Microsoft', 'mailHost', `${WARMBLY}; ${asName('Microsoft Corporation')}`),
  ...named('mailHost', 'Microsoft', 'Microsoft Corporation', [8068, 8069, 3598]),
  row(35106, 'Microsoft', 'mailHost', asName('Microsoft Limited')),
  row(15169, 'Google', 'mailHost', `${WARMBLY}; ${asName('Google LLC')}; Gmail's image proxy fetches from here`),
  ...named('mailHost', 'Google', 'Google LLC', [36040, 19527]),
  row(43515, 'Google', 'mailHost', asName('Google Ireland Limited')),
  row(139070, 'Google', 'mailHost', asName('Google Asia Pacific Pte. Ltd.')),
];

const appleRelay: NetworkOwner[] = named('appleRelay', 'Apple', 'Apple Inc.', [714, 6185]).map((owner) => ({
  ...owner,
  source: `${owner.source}; Private Relay, which Mail Privacy Protection uses, is described at developer.apple.com/support/prepare-your-network-for-icloud-private-relay`,
}));

const cloudHosting: NetworkOwner[] = [
  ...named('cloudHosting', 'Amazon Web Services', 'Amazon.com, Inc.', [16509, 14618]),
  row(8987, 'Amazon Web Services', 'cloudHosting', asName('Amazon Data Services Ireland Ltd')),
  row(
    396982,
    'Google Cloud',
    'cloudHosting',
    `whois GOOGLE-PRIVATE-CLOUD (kubernetes/k8s.io#2254), "Google Cloud Platform" (X4BNet/lists_vpn#108); ${asName('Google LLC')}`,
  ),
  row(14061, 'DigitalOcean', 'cloudHosting', asName('DigitalOcean, LLC')),
  ...named('cloudHosting', 'OVHcloud', 'OVH SAS', [16276, 35540]),
  ...named('cloudHosting', 'Hetzner', 'Hetzner Online GmbH', [24940, 213230]),
  row(63949, 'Akamai Connected Cloud (Linode)', 'cloudHosting', asName('Akamai Technologies, Inc.')),
  row(20473, 'Vultr', 'cloudHosting', `Vultr's operator; ${asName('The Constant Company, LLC')}`),
  row(31898, 'Oracle Cloud', 'cloudHosting', asName('Oracle Corporation')),
  row(45102, 'Alibaba Cloud', 'cloudHosting', asName('Alibaba (US) Technology Co., Ltd.')),
  row(37963, 'Alibaba Cloud', 'cloudHosting', asName('Hangzhou Alibaba Advertising Co.,Ltd.')),
  ...named('cloudHosting', 'Tencent Cloud', 'Shenzhen Tencent Computer Systems Company Limited', [132203, 45090]),
  row(60781, 'Leaseweb', 'cloudHosting', asName('LeaseWeb Netherlands B.V.')),
  row(16265, 'Leaseweb', 'cloudHosting', asName('LeaseWeb Network B.V.')),
  row(28753, 'Leaseweb', 'cloudHosting', asName('Leaseweb Deutschland GmbH')),
  ...named('cloudHosting', 'Leaseweb', 'Leaseweb USA, Inc.', [7203, 19148, 30633]),
  row(59253, 'Leaseweb', 'cloudHosting', asName('LEASEWEB SINGAPORE PTE. LTD.')),
  row(51167, 'Contabo', 'cloudHosting', asName('Contabo GmbH')),
  row(12876, 'Scaleway', 'cloudHosting', asName('Scaleway SAS')),
  row(36351, 'IBM Cloud', 'cloudHosting', asName('IBM Cloud')),
  row(47583, 'Hostinger', 'cloudHosting', asName('Hostinger International Limited')),
];

/** Gateways that carry people's own browsing: a click from here may be the person. */
const webSecurityProxy: NetworkOwner[] = [
  ...named('webSecurityProxy', 'Zscaler', 'ZSCALER, INC.', [22616, 53813, 53444, 62907]),
  row(62044, 'Zscaler', 'webSecurityProxy', asName('Zscaler Switzerland GmbH')),
  row(55256, 'Netskope', 'webSecurityProxy', asName('Netskope Inc')),
  row(62654, 'Menlo Security', 'webSecurityProxy', asName('MENLO SECURITY, INC.')),
  row(396253, 'iboss', 'webSecurityProxy', asName('iboss,inc')),
  row(137922, 'iboss', 'webSecurityProxy', asName('IBOSS Inc.')),
  row(202276, 'iboss', 'webSecurityProxy', asName('IBOSS, INC')),
  row(36692, 'Cisco Umbrella', 'webSecurityProxy', asName('Cisco OpenDNS, LLC')),
  row(54538, 'Palo Alto Networks Prisma Access', 'webSecurityProxy', asName('PALO ALTO NETWORKS')),
  row(13150, 'Cato Networks', 'webSecurityProxy', asName('CATO NETWORKS LTD')),
  // Forcepoint's cloud web proxy shares this AS with its email security, whose URL sandboxing
  // follows a link before the reader gets it (help.forcepoint.com/emailsec, "URL sandboxing"). A
  // person browsing behind it is called a scanner too: better than counting the sandbox as a person.
  row(44444, 'Forcepoint', 'mailSecurity', asName('Forcepoint UK Limited')),
  // WARP, Gateway and a share of Private Relay's egress: people, as well as bots on Workers.
  row(13335, 'Cloudflare', 'webSecurityProxy', asName('Cloudflare, Inc.')),
  row(209242, 'Cloudflare', 'webSecurityProxy', asName('Cloudflare London, LLC')),
];

const isp = (asn: number, name: string, asNameText: string) => row(asn, name, 'consumerIsp', asName(asNameText));
const consumerIsp: NetworkOwner[] = [
  isp(7922, 'Comcast Xfinity', 'Comcast Cable Communications, LLC'),
  isp(7015, 'Comcast Xfinity', 'Comcast Cable Communications, LLC'),
  isp(20115, 'Charter Spectrum', 'Charter Communications'),
  ...[11427, 10796, 20001, 12271].map((asn) => isp(asn, 'Charter Spectrum', 'Charter Communications Inc')),
  isp(7018, 'AT&T', 'AT&T Enterprises, LLC'),
  isp(20057, 'AT&T Mobility', 'AT&T Enterprises, LLC'),
  isp(701, 'Verizon Fios', 'Verizon Business'),
  isp(6167, 'Verizon Wireless', 'Verizon Business'),
  isp(22394, 'Verizon Wireless', 'Verizon Business'),
  isp(21928, 'T-Mobile US', 'T-Mobile USA, Inc.'),
  isp(22773, 'Cox', 'Cox Communications Inc.'),
  isp(16591, 'Google Fiber', 'Google Fiber Inc.'),
  isp(577, 'Bell Canada', 'Bell Canada'),
  isp(812, 'Rogers', 'Rogers Communications Canada Inc.'),
  isp(852, 'TELUS', 'TELUS Communications Inc.'),
  isp(8151, 'Telmex', 'Uninet S.A. de C.V.'),
  isp(26599, 'Vivo (Telefônica Brasil)', 'TELEFONICA BRASIL S.A'),
  isp(18881, 'Vivo (Telefônica Brasil)', 'TELEFONICA BRASIL S.A'),
  isp(28573, 'Claro Brasil', 'Claro NXT Telecomunicacoes Ltda'),
  isp(3320, 'Deutsche Telekom', 'Deutsche Telekom AG'),
  isp(3209, 'Vodafone Germany', 'Vodafone GmbH'),
  isp(6805, 'O2 Germany (Telefónica)', 'Telefonica Germany GmbH & Co.OHG'),
  isp(2856, 'BT', 'British Telecommunications PLC'),
  isp(5607, 'Sky UK', 'Sky UK Limited'),
  isp(5089, 'Virgin Media', 'Virgin Media Limited'),
  isp(5378, 'Vodafone UK', 'Vodafone Limited'),
  isp(25135, 'Vodafone UK', 'Vodafone Limited'),
  isp(3215, 'Orange France', 'Orange S.A.'),
  isp(12322, 'Free', 'Free SAS'),
  isp(15557, 'SFR', 'Societe Francaise Du Radiotelephone - SFR SA'),
  isp(5410, 'Bouygues Telecom', 'Bouygues Telecom SA'),
  isp(3352, 'Movistar (Telefónica España)', 'TELEFONICA DE ESPANA S.A.U.'),
  isp(12479, 'Orange Spain', 'Orange Espagne SA'),
  isp(12430, 'Vodafone Spain', 'VODAFONE ESPANA S.A.U.'),
  isp(3269, 'TIM (Telecom Italia)', 'Telecom Italia S.p.A.'),
  isp(30722, 'Vodafone Italy', 'Vodafone Italia S.p.A.'),
  isp(1136, 'KPN', 'KPN B.V.'),
  isp(33915, 'Ziggo (VodafoneZiggo)', 'Vodafone Libertel B.V.'),
  isp(5432, 'Proximus', 'Proximus NV'),
  isp(3303, 'Swisscom', 'Swisscom (Schweiz) AG'),
  isp(8447, 'A1 Telekom Austria', 'A1 Telekom Austria AG'),
  isp(3301, 'Telia Sweden', 'Telia Company AB'),
  isp(1759, 'Telia Finland', 'Telia Finland Oyj'),
  isp(1257, 'Tele2 Sweden', 'Tele2 Sverige AB'),
  isp(2119, 'Telenor Norway', 'Telenor Norge AS'),
  isp(9121, 'Türk Telekom', 'Turk Telekomunikasyon Anonim Sirketi'),
  isp(12389, 'Rostelecom', 'PJSC Rostelecom'),
  isp(4134, 'China Telecom', 'Chinanet'),
  isp(4812, 'China Telecom', 'China Telecom (Group)'),
  isp(4837, 'China Unicom', 'CHINA UNICOM China169 Backbone'),
  isp(9808, 'China Mobile', 'China Mobile'),
  isp(56040, 'China Mobile', 'China Mobile Communications Corporation'),
  isp(4713, 'NTT OCN', 'NTT Communications Corporation'),
  isp(2516, 'KDDI', 'KDDI CORPORATION'),
  isp(17676, 'SoftBank', 'SoftBank Corp.'),
  isp(4766, 'KT (Korea Telecom)', 'Korea Telecom'),
  isp(9318, 'SK Broadband', 'SK Broadband Co Ltd'),
  isp(3462, 'Chunghwa Telecom (HiNet)', 'Chunghwa Telecom Co., Ltd.'),
  isp(55836, 'Reliance Jio', 'Reliance Jio Infocomm Limited'),
  ...[9498, 24560, 45609].map((asn) => isp(asn, 'Bharti Airtel', 'Bharti Airtel Limited')),
  isp(1221, 'Telstra', 'Telstra Limited'),
  isp(4804, 'Optus', 'SingTel Optus Pty Ltd'),
];

/** Our ASN rows, every kind. */
export const ASN_OWNERS: readonly NetworkOwner[] = [
  ...mailSecurity,
  ...imageProxy,
  ...mailHost,
  ...appleRelay,
  ...cloudHosting,
  ...webSecurityProxy,
  ...consumerIsp,
];

/**
 * Exchange Online Protection: the addresses that receive and filter Microsoft 365's mail, and that
 * Safe Links scans from (user-agents.md: 40.107.235.x). They win over AS8075's `mailHost` row.
 */
export const EOP_PREFIXES: readonly string[] = [
  '40.92.0.0/15',
  '40.107.0.0/16',
  '52.100.0.0/14',
  '104.47.0.0/17',
  '2a01:111:f400::/48',
  '2a01:111:f403::/48',
];

export const EOP_OWNER: NetworkOwner = {
  asn: null,
  name: 'Exchange Online Protection',
  kind: 'mailFiltering',
  source:
    'Microsoft 365 URLs and IP address ranges, Exchange Online endpoint set 10 (*.mail.protection.outlook.com, *.mx.microsoft, TCP 25), last updated 2026-08-14: learn.microsoft.com/en-us/microsoft-365/enterprise/urls-and-ip-address-ranges (JSON: endpoints.office.com/endpoints/worldwide)',
};

/** The row for a range the operator listed in EXTRA_SCANNER_NETWORKS. */
export const LISTED_SCANNER_OWNER: NetworkOwner = {
  asn: null,
  name: 'listed scanner network',
  kind: 'listedScanner',
  source: 'EXTRA_SCANNER_NETWORKS (this server’s configuration)',
};

/**
 * The content networks that run Private Relay's egress (Apple, "iCloud Private Relay Overview",
 * 2021-12: a second relay "operated by a third-party content provider"; the published egress list,
 * mask-api.icloud.com/egress-ip-ranges.csv, is Akamai, Cloudflare and Fastly addresses, per
 * matomo-org/plugin-TrackingSpamPrevention#146). Mail Privacy Protection loads images through the
 * same relays (wordtothewise.com 2021-09), so Apple's fetcher user agent from these is MPP. Other
 * traffic from them is judged by their own row.
 */
export const PRIVATE_RELAY_PARTNER_ASNS: ReadonlySet<number> = new Set([
  20940, // AS name "Akamai International B.V."
  16625, // AS name "Akamai Technologies, Inc."
  13335, // AS name "Cloudflare, Inc."
  54113, // AS name "Fastly, Inc."
]);
