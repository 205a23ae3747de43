"use client";
// A bar shape that names its data point (data-bar-key), so a test or a screen reader tool can find
// "the bar of March" instead of counting SVG children (Recharts may skip empty bars). A bar whose
// figure is incomplete (the month still running) is drawn pale with a dashed outline.
import { Rectangle, type BarShapeProps } from "recharts";

export function keyedBarShape<P>(keyOf: (payload: P) => string, isIncomplete: (payload: P) => boolean = () => false) {
  return function KeyedBar(props: BarShapeProps) {
    const incomplete = isIncomplete(props.payload as P);
    const outline = incomplete ? { fillOpacity: 0.4, stroke: props.fill, strokeDasharray: "3 2" } : {};
    return (
      <g data-bar-key={keyOf(props.payload as P)} data-incomplete={incomplete ? "true" : undefined}>
        <Rectangle x={props.x} y={props.y} width={props.width} height={props.height} radius={props.radius} fill={props.fill} {...outline} />
      </g>
    );
  };
}
