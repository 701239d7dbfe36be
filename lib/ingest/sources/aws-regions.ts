/**
 * CloudWatch alarm notifications name the region by its console display name ("US East (N. Virginia)"),
 * not its code; labels and console links need the code.
 */
const REGION_CODES: Record<string, string> = {
  "US East (N. Virginia)": "us-east-1",
  "US East (Ohio)": "us-east-2",
  "US West (N. California)": "us-west-1",
  "US West (Oregon)": "us-west-2",
  "Africa (Cape Town)": "af-south-1",
  "Asia Pacific (Hong Kong)": "ap-east-1",
  "Asia Pacific (Taipei)": "ap-east-2",
  "Asia Pacific (Hyderabad)": "ap-south-2",
  "Asia Pacific (Jakarta)": "ap-southeast-3",
  "Asia Pacific (Malaysia)": "ap-southeast-5",
  "Asia Pacific (New Zealand)": "ap-southeast-6",
  "Asia Pacific (Thailand)": "ap-southeast-7",
  "Asia Pacific (Melbourne)": "ap-southeast-4",
  "Asia Pacific (Mumbai)": "ap-south-1",
  "Asia Pacific (Osaka)": "ap-northeast-3",
  "Asia Pacific (Seoul)": "ap-northeast-2",
  "Asia Pacific (Singapore)": "ap-southeast-1",
  "Asia Pacific (Sydney)": "ap-southeast-2",
  "Asia Pacific (Tokyo)": "ap-northeast-1",
  "Canada (Central)": "ca-central-1",
  "Canada West (Calgary)": "ca-west-1",
  "China (Beijing)": "cn-north-1",
  "China (Ningxia)": "cn-northwest-1",
  "Europe (Frankfurt)": "eu-central-1",
  "Europe (Zurich)": "eu-central-2",
  "Europe (Ireland)": "eu-west-1",
  "Europe (London)": "eu-west-2",
  "Europe (Paris)": "eu-west-3",
  "Europe (Milan)": "eu-south-1",
  "Europe (Spain)": "eu-south-2",
  "Europe (Stockholm)": "eu-north-1",
  "Israel (Tel Aviv)": "il-central-1",
  "Mexico (Central)": "mx-central-1",
  "Middle East (Bahrain)": "me-south-1",
  "Middle East (UAE)": "me-central-1",
  "South America (Sao Paulo)": "sa-east-1",
  "South America (São Paulo)": "sa-east-1",
  "AWS GovCloud (US-East)": "us-gov-east-1",
  "AWS GovCloud (US-West)": "us-gov-west-1",
  // Older console names still seen in notifications from long-lived alarms.
  "EU (Frankfurt)": "eu-central-1",
  "EU (Ireland)": "eu-west-1",
  "EU (London)": "eu-west-2",
  "EU (Paris)": "eu-west-3",
  "EU (Milan)": "eu-south-1",
  "EU (Stockholm)": "eu-north-1",
  "AWS GovCloud (US)": "us-gov-west-1",
};

const NORMALIZED = new Map(Object.entries(REGION_CODES).map(([name, code]) => [normalizeName(name), code]));
const CODE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

function normalizeName(name: string): string {
  return name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** "US East (N. Virginia)" → "us-east-1"; a code passes through; unknown → undefined. */
export function awsRegionCode(region: string | undefined, arn?: string): string | undefined {
  if (region) {
    const trimmed = region.trim();
    if (CODE.test(trimmed)) return trimmed;
    const code = NORMALIZED.get(normalizeName(trimmed));
    if (code) return code;
  }
  // arn:aws:cloudwatch:<region>:<account>:alarm:<name> names the region too.
  const fromArn = arn?.split(":")[3];
  return fromArn && CODE.test(fromArn) ? fromArn : undefined;
}
