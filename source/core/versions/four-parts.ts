/**
 * A firmware version is PDA/CSC/MODEM/BOOTLOADER. version.xml may give three parts: clients repeat
 * the PDA as the fourth. An empty modem part stays empty (Wi-Fi models); samloader-rs fills it with
 * the PDA instead, which would change the ENC2 key, so we keep what the server wrote.
 */
export function toFourParts(version: string): string {
	const parts = version.trim().split('/').map(part => part.trim());
	if (parts.length === 3) {
		parts.push(parts[0]!);
	}

	return parts.join('/');
}
