/** Renders nested labels as a tree with box-drawing branches. */
export interface TreeNode {
  label: string;
  children?: TreeNode[];
}

export function renderTree(root: TreeNode): string {
  const lines = [root.label];
  const walk = (nodes: TreeNode[], indent: string) => {
    nodes.forEach((node, i) => {
      const last = i === nodes.length - 1;
      lines.push(`${indent}${last ? "└─ " : "├─ "}${node.label}`);
      walk(node.children ?? [], indent + (last ? "   " : "│  "));
    });
  };
  walk(root.children ?? [], "");
  return lines.join("\n");
}
