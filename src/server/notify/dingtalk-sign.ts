import { createHmac } from 'node:crypto';
import { dingtalkStringToSign } from '../../core/work/robot-messages.js';

/** DingTalk 加签: base64(HMAC-SHA256(key = secret, message = timestamp + "\n" + secret)); the caller url-encodes it. */
export function dingtalkSignature(secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(dingtalkStringToSign(timestamp, secret), 'utf8').digest('base64');
}
