"use client";
// A bar shape that names its data point (data-bar-key), so a test or a screen reader tool can find
// "the bar of March" instead of counting SVG children (Recharts may skip empty bars).
import { Rectangle, type BarShapeProps } from "recharts";

export function keyedBarShape<P>(keyOf: (payload: P) => string) {
  return function KeyedBar(props: BarShapeProps) {
    return (
      <g data-bar-key={keyOf(props.payload as P)}>
        <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} radius={props.radius} fill={props.fill} />
      </g>
    );
  };
}
