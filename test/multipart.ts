/** multipart/form-data bodies as a browser sends an upload form: text fields, then one CSV file. */
export const MULTIPART_BOUNDARY = '----unfreeTestBoundary7MA4YWxkTrZu0gW';

export function multipartText(
  fileName: string,
  content: string,
  fields: Record<string, string> = {},
): string {
  const parts = [
    ...Object.entries(fields).map(
      ([name, value]) =>
        `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    ),
    `--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
    `--${MULTIPART_BOUNDARY}--\r\n`,
  ];
  return parts.join('');
}

/** The body with its content type, to spread into an inject call. */
export function multipart(fileName: string, content: string, fields: Record<string, string> = {}) {
  return {
    payload: multipartText(fileName, content, fields),
    headers: { 'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` },
  };
}
