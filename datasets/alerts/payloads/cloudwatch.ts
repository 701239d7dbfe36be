import type { SampleAlert } from "../sample-alerts";
import { stableHex } from "../sample-alerts";

const REGION_NAMES: Record<string, string> = {
  "eu-west-1": "EU (Ireland)",
  "eu-central-1": "EU (Frankfurt)",
  "us-east-1": "US East (N. Virginia)",
};
const ACCOUNT = "412398765210";

export interface SnsSigning {
  /** Signs SNS's string-to-sign, returning base64 (tests sign with their own key). */
  sign(stringToSign: string, signatureVersion: "1" | "2"): string;
  signingCertUrl: string;
  signatureVersion?: "1" | "2";
}

/** The CloudWatch alarm JSON that SNS carries as a string in Message. */
export function cloudwatchAlarm(a: SampleAlert) {
  const aws = a.aws;
  const resolved = a.status === "resolved";
  const alarmName = `${a.service}-${a.kind}`;
  const changed = resolved && a.endedAt ? a.endedAt : a.startedAt;
  const op = { GreaterThanThreshold: "greater than", LessThanThreshold: "less than", GreaterThanOrEqualToThreshold: "greater than or equal to" }[aws.comparison];
  const stamp = changed.toISOString().replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d:\d\d):\d\d.*$/, "$3/$2/$1 $4:00");
  return {
    AlarmName: alarmName,
    AlarmDescription: a.description,
    AWSAccountId: ACCOUNT,
    AlarmConfigurationUpdatedTimestamp: "2026-10-02T09:14:27.118+0000",
    NewStateValue: resolved ? "OK" : "ALARM",
    NewStateReason: resolved
      ? `Threshold Crossed: 1 out of the last 3 datapoints [${aws.threshold} (${stamp})] was not ${op} the threshold (${aws.threshold}) (minimum 1 datapoint for ALARM -> OK transition).`
      : `Threshold Crossed: 3 out of the last 3 datapoints [${aws.value} (${stamp})] were ${op} the threshold (${aws.threshold}) (minimum 3 datapoints for OK -> ALARM transition).`,
    StateChangeTime: changed.toISOString().replace("Z", "+0000"),
    Region: REGION_NAMES[a.region] ?? a.region,
    AlarmArn: `arn:aws:cloudwatch:${a.region}:${ACCOUNT}:alarm:${alarmName}`,
    OldStateValue: resolved ? "ALARM" : "OK",
    OKActions: [`arn:aws:sns:${a.region}:${ACCOUNT}:parcelwise-${a.team}-alarms`],
    AlarmActions: [`arn:aws:sns:${a.region}:${ACCOUNT}:parcelwise-${a.team}-alarms`],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: aws.metricName,
      Namespace: aws.namespace,
      StatisticType: "Statistic",
      Statistic: aws.statistic.toUpperCase(),
      Unit: null,
      Dimensions: aws.dimensions.map((d) => ({ value: d.value, name: d.name })),
      Period: aws.period,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
      ComparisonOperator: aws.comparison,
      Threshold: aws.threshold,
      TreatMissingData: "missing",
      EvaluateLowSampleCountPercentile: "",
    },
  };
}

/**
 * The SNS HTTP(S) notification envelope around a CloudWatch alarm. Unsigned unless `signing` is
 * given: only AWS can make a signature a real OpsRelay accepts (tests bring their own key).
 */
export function cloudwatchPayload(a: SampleAlert, signing?: SnsSigning) {
  const alarm = cloudwatchAlarm(a);
  const topic = `arn:aws:sns:${a.region}:${ACCOUNT}:parcelwise-${a.team}-alarms`;
  const version = signing?.signatureVersion ?? "1";
  const envelope: Record<string, string> = {
    Type: "Notification",
    MessageId: `${stableHex(8, "sns", a.id, a.status)}-${stableHex(4, "sns2", a.id)}-5${stableHex(3, "sns3", a.id)}-9${stableHex(3, "sns4", a.id)}-${stableHex(12, "sns5", a.id, a.status)}`,
    TopicArn: topic,
    Subject: `${alarm.NewStateValue}: "${alarm.AlarmName}" in ${alarm.Region}`.slice(0, 100),
    Message: JSON.stringify(alarm),
    Timestamp: new Date(Date.parse(alarm.StateChangeTime.replace("+0000", "Z")) + 61).toISOString(),
    SignatureVersion: version,
    Signature: "UNSIGNED-SAMPLE",
    SigningCertURL: signing?.signingCertUrl ?? `https://sns.${a.region}.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem`,
    UnsubscribeURL: `https://sns.${a.region}.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=${topic}:${stableHex(8, "sub", a.team)}-7c1d-4e2f-9a0b-${stableHex(12, "sub2", a.team)}`,
  };
  if (signing) {
    const keys = ["Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"];
    const text = keys.map((k) => `${k}\n${envelope[k]}\n`).join("");
    envelope.Signature = signing.sign(text, version);
  }
  return envelope;
}
