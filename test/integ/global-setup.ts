// Replaced by the local-stack work (issue 3): checks that the stack is up and fails loudly if not.
export default function setup(): void {}
